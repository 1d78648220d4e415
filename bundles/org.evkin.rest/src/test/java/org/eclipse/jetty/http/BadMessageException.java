package org.eclipse.jetty.http;

/** Test stand-in for Jetty's exception (same name): ErrorMapper recognizes it by its class name. */
public class BadMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadMessageException(String reason) {
        super("400: " + reason);
    }
}
