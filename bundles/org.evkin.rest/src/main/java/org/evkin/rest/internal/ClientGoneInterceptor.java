package org.evkin.rest.internal;

import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An answer whose client left while it was being written (an admin who closed the tab during a ZIP download): nothing
 * is wrong with the server, so it is noted at debug level and the answer ends there. Without this Jersey logs every such
 * departure as an error with a stack trace, once the answer has started.
 */
public class ClientGoneInterceptor implements WriterInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(ClientGoneInterceptor.class);

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        try {
            context.proceed();
        } catch (IOException | RuntimeException e) {
            if (!ErrorMapper.clientWentAway(e)) {
                throw e;
            }
            LOG.debug("The client left before the answer was written to the end: {}", e.toString());
        }
    }
}
