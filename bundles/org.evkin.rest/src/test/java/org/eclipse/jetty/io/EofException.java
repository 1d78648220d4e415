package org.eclipse.jetty.io;

import java.io.EOFException;

/** Test stand-in for Jetty's exception (same name): ErrorMapper recognizes it by its class name. */
public class EofException extends EOFException {

    private static final long serialVersionUID = 1L;

    public EofException(String reason) {
        super(reason);
    }
}
