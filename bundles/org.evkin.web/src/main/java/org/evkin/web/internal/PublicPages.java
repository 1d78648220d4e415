package org.evkin.web.internal;

import java.util.Locale;
import java.util.Map;

/** The landing page (GET /) and the short-code entry of raters without e-mail (POST /kode → /k/{code}). */
final class PublicPages {

    private final Messages messages;

    PublicPages(Messages messages) {
        this.messages = messages;
    }

    Result landing(Visit v) {
        return Result.page(200, "beranda.ftlh", Map.of());
    }

    /**
     * POST /kode: the typed code (spaces and dashes ignored, any case) leads to the forms behind it at /k/{code}; the
     * lookup, its messages and the lock against guessing are those of the personal links.
     */
    Result code(Visit v) {
        String code = v.param("kode").replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z0-9]{8}")) {
            return ErrorPages.page(messages, 400, "galat.umum.judul", "galat.umum.pesan", messages.get("kode.salah"));
        }
        return Result.redirect("/k/" + code);
    }
}
