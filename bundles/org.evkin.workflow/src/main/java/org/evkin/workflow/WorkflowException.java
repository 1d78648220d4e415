package org.evkin.workflow;

import java.util.List;

/**
 * A request the workflow refuses: a stable code, the HTTP-like kind of refusal, and a message for people in
 * Bahasa Indonesia. Nothing was changed when it is thrown.
 */
public class WorkflowException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How the refusal maps to HTTP: 400, 401, 403, 404, 409, 410, 423. */
    public enum Kind {
        INVALID(400), UNAUTHENTICATED(401), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), GONE(410), LOCKED(423);

        public final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    private final Kind kind;
    private final String code;
    private final transient List<Object> details;

    public WorkflowException(Kind kind, String code, String message) {
        this(kind, code, message, List.of());
    }

    public WorkflowException(Kind kind, String code, String message, List<?> details) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.details = List.copyOf(details);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** Structured details, e.g. the import errors by row and column. */
    public List<Object> details() {
        return details;
    }
}
