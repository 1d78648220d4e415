package org.evkin.store;

/** The database cannot be reached or is not ready; the caller should answer "try again later" (HTTP 503). */
public class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
