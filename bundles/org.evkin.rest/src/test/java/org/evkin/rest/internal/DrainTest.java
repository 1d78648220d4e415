package org.evkin.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A JSON body refused for its size is read and dropped (up to a bound) so that its sender can read the 413. */
class DrainTest {

    @Test
    void aRefusedBodyIsReadToItsEnd() {
        Body body = new Body(1_100_000, -1);
        ApiServlet.drain(request(body), ApiServlet.MAX_DRAINED_BYTES);
        assertEquals(1_100_000, body.read.get());
        assertTrue(body.closed);
    }

    @Test
    void noMoreThanTheBoundIsRead() {
        Body body = new Body(50_000_000, -1);
        ApiServlet.drain(request(body), 1_000_000);
        assertEquals(1_000_000, body.read.get());
    }

    @Test
    void aSenderThatLeavesEndsItQuietly() {
        Body body = new Body(5_000_000, 200_000);
        ApiServlet.drain(request(body), ApiServlet.MAX_DRAINED_BYTES);
        assertTrue(body.read.get() <= 200_000 + 65_536, "stopped where the sender left: " + body.read.get());
    }

    /** size bytes of body; at failAt bytes (-1: never) reading fails as a reset connection does. */
    private static final class Body extends java.io.InputStream {
        final long size;
        final long failAt;
        final AtomicLong read = new AtomicLong();
        boolean closed;

        Body(long size, long failAt) {
            this.size = size;
            this.failAt = failAt;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (failAt >= 0 && read.get() >= failAt) {
                throw new IOException("Connection reset by peer");
            }
            long left = size - read.get();
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            read.addAndGet(n);
            return n;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static HttpServletRequest request(Body body) {
        ServletInputStream in = Stubs.input(body);
        return (HttpServletRequest) Proxy.newProxyInstance(DrainTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getInputStream")) {
                        return in;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
