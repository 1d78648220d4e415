package org.evkin.rest.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** A client that leaves while its answer is written ends the answer quietly; any other failure still surfaces. */
class ClientGoneInterceptorTest {

    /** Named as Jetty's org.eclipse.jetty.io.EofException, which the rest bundle does not import. */
    static final class EofException extends IOException {
        private static final long serialVersionUID = 1L;

        EofException(String message) {
            super(message);
        }
    }

    private final ClientGoneInterceptor interceptor = new ClientGoneInterceptor();

    @Test
    void aClosedConnectionWhileWritingEndsTheAnswerQuietly() {
        for (Exception gone : new Exception[] {new UncheckedIOException(new EofException("Broken pipe")), new EofException(null),
                new IOException("Connection reset by peer"), new RuntimeException("zip", new UncheckedIOException(new IOException("Broken pipe")))}) {
            assertDoesNotThrow(() -> interceptor.aroundWriteTo(failingWith(gone)), gone.toString());
        }
    }

    @Test
    void otherFailuresWhileWritingAreNotHidden() {
        IOException disk = new IOException("No space left on device");
        assertSame(disk, assertThrows(IOException.class, () -> interceptor.aroundWriteTo(failingWith(disk))));
        IllegalStateException bug = new IllegalStateException("a renderer's bug");
        assertSame(bug, assertThrows(IllegalStateException.class, () -> interceptor.aroundWriteTo(failingWith(bug))));
        RuntimeException database = new RuntimeException(new java.sql.SQLException("x", new IOException("Connection reset")));
        assertSame(database, assertThrows(RuntimeException.class, () -> interceptor.aroundWriteTo(failingWith(database))),
                "the database's connection breaking is not the client leaving");
    }

    private static WriterInterceptorContext failingWith(Exception e) {
        return (WriterInterceptorContext) Proxy.newProxyInstance(ClientGoneInterceptorTest.class.getClassLoader(),
                new Class<?>[] {WriterInterceptorContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("proceed")) {
                        throw e;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
