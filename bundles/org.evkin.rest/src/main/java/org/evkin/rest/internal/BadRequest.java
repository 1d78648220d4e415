package org.evkin.rest.internal;

/** A 4xx answer with a stable error code and the key of its user message in messages.properties. */
class BadRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;
    final String code;
    final String messageKey;
    final transient Object[] args;

    BadRequest(String code, String messageKey, Object... args) {
        this(400, code, messageKey, args);
    }

    BadRequest(int status, String code, String messageKey, Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.messageKey = messageKey;
        this.args = args;
    }
}
