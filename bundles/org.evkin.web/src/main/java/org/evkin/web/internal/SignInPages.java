package org.evkin.web.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.evkin.workflow.Login;
import org.evkin.workflow.SessionKind;
import org.evkin.workflow.WorkflowException;

/** Admin sign-in (GET and POST /masuk) and sign-out (POST /keluar, CSRF checked by the servlet before). */
final class SignInPages {

    static final String DEFAULT_TARGET = "/admin";
    private static final Pattern LOCAL_PATH = Pattern.compile("/[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-]+)*");

    private final Messages messages;

    SignInPages(Messages messages) {
        this.messages = messages;
    }

    /** GET /masuk: the form; a signed-in admin goes straight on. */
    Result form(Visit v) {
        String target = target(v.param("lanjut"));
        if (v.account().isPresent()) {
            return Result.redirect(target);
        }
        Map<String, Object> m = model("", target, List.of(), null);
        if (!v.param("keluar").isEmpty()) {
            m.put("notice", messages.get("masuk.sudahKeluar"));
        }
        return Result.page(200, "masuk.ftlh", m);
    }

    /** POST /masuk: opens a session and redirects, or shows the form again with the problem and the e-mail kept. */
    Result submit(Visit v) {
        String email = v.param("email").strip();
        String password = v.param("password");
        String target = target(v.param("lanjut"));
        List<FieldError> errors = new ArrayList<>();
        if (email.isEmpty()) {
            errors.add(new FieldError("email", messages.get("masuk.galat.emailKosong")));
        }
        if (password.isEmpty()) {
            errors.add(new FieldError("password", messages.get("masuk.galat.sandiKosong")));
        }
        if (!errors.isEmpty()) {
            return Result.page(400, "masuk.ftlh", model(email, target, errors, null));
        }
        Login login;
        try {
            login = v.auth.login(email, password, v.req.getRemoteAddr(), SessionKind.WEB);
        } catch (WorkflowException e) {
            if (e.kind() != WorkflowException.Kind.UNAUTHENTICATED && e.kind() != WorkflowException.Kind.LOCKED) {
                throw e;
            }
            FieldError problem = new FieldError("email", e.getMessage());
            return Result.page(e.kind().status, "masuk.ftlh", model(email, target, List.of(problem), problem.message()));
        }
        if (v.token() != null) {
            v.auth.logout(v.token());
        }
        v.setCookie(SessionCookie.open(login.token(), v.secureCookie));
        return Result.redirect(target);
    }

    /** POST /keluar: ends the session (the servlet has checked it and its CSRF token) and forgets the cookie. */
    Result logout(Visit v) {
        v.auth.logout(v.token());
        v.setCookie(SessionCookie.clear(v.secureCookie));
        return Result.redirect("/masuk?keluar=1");
    }

    /** Where to go after signing in: a plain local path, never another site; /admin otherwise. */
    static String target(String requested) {
        if (requested == null || !LOCAL_PATH.matcher(requested).matches() || requested.startsWith("/masuk")
                || requested.startsWith("/keluar") || requested.startsWith("/api") || requested.startsWith("/static")) {
            return DEFAULT_TARGET;
        }
        return requested;
    }

    /** The form's model; formError is the message that concerns the whole form (wrong password, locked). */
    private static Map<String, Object> model(String email, String target, List<FieldError> errors, String formError) {
        Map<String, Object> m = new HashMap<>();
        m.put("email", email);
        m.put("lanjut", target);
        m.put("errors", errors);
        for (FieldError e : errors) {
            m.putIfAbsent(e.field() + "Error", e.message());
        }
        if (formError != null) {
            m.remove("emailError");
            m.put("formError", formError);
        }
        return m;
    }
}
