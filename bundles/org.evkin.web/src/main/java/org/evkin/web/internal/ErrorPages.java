package org.evkin.web.internal;

import java.util.HashMap;
import java.util.Map;

/** Pages that say something went wrong or is not there: one template, a title and a message from the texts. */
final class ErrorPages {

    private ErrorPages() {
    }

    static Result.Page page(Messages messages, int status, String titleKey, String messageKey, Object... args) {
        Map<String, Object> m = new HashMap<>();
        m.put("status", status);
        m.put("title", messages.get(titleKey));
        m.put("message", messages.get(messageKey, args));
        return Result.page(status, "galat.ftlh", m);
    }

    /** The query string or the form could not be read (bad percent-encoding, invalid UTF-8, a truncated body…). */
    static Result.Page badRequest(Messages messages) {
        return page(messages, 400, "galat.400.judul", "galat.400.pesan");
    }

    /** The form was over the server's limits (size or number of fields). */
    static Result.Page tooLarge(Messages messages) {
        return page(messages, 413, "galat.413.judul", "galat.413.pesan");
    }

    static Result.Page notFound(Messages messages) {
        return page(messages, 404, "galat.404.judul", "galat.404.pesan");
    }

    static Result.Page forbidden(Messages messages) {
        return page(messages, 403, "galat.403.judul", "galat.403.pesan");
    }

    static Result.Page methodNotAllowed(Messages messages) {
        return page(messages, 405, "galat.405.judul", "galat.405.pesan");
    }

    static Result.Page unavailable(Messages messages) {
        return page(messages, 503, "galat.503.judul", "galat.503.pesan");
    }

    static Result.Page internal(Messages messages, String reference) {
        return page(messages, 500, "galat.500.judul", "galat.500.pesan", reference);
    }
}
