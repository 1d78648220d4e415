package org.evkin.launcher;

import org.apache.felix.framework.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.slf4j.LoggerFactory;

/** Routes the Felix framework's own log to SLF4J: one line per event, the stack trace only at debug level. */
final class FelixLogBridge extends Logger {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger("org.apache.felix.framework");

    @Override
    protected void doLog(Bundle bundle, ServiceReference sr, int level, String msg, Throwable throwable) {
        String text = (bundle == null ? "" : "[" + bundle.getSymbolicName() + "] ") + msg
                + (throwable == null ? "" : ": " + Main.oneLine(throwable));
        switch (level) {
            case LOG_ERROR -> LOG.error(text);
            case LOG_WARNING -> LOG.warn(text);
            case LOG_INFO -> LOG.info(text);
            default -> LOG.debug(text);
        }
        if (throwable != null && LOG.isDebugEnabled()) {
            LOG.debug("Stack trace of the above", throwable);
        }
    }
}
