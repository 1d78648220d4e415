package org.evkin.rest.internal;

import jakarta.ws.rs.core.HttpHeaders;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.evkin.workflow.Account;
import org.evkin.workflow.AuthService;
import org.evkin.workflow.Role;

/** Hand-made stand-ins for the container and the services: interfaces answered by a function of the method name. */
final class Stubs {

    static final String TOKEN = "test-token";

    private Stubs() {
    }

    interface Answer {
        Object answer(String method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    static <T> T of(Class<T> type, Answer answer) {
        InvocationHandler h = (proxy, m, args) -> {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "toString" -> type.getSimpleName() + " stub";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                };
            }
            Object r = answer.answer(m.getName(), args == null ? new Object[0] : args);
            if (r == null && m.getReturnType() == Optional.class) {
                return Optional.empty();
            }
            if (r == null && m.getReturnType() == List.class) {
                return List.of();
            }
            if (r == null && m.getReturnType() == boolean.class) {
                return false;
            }
            if (r == null && (m.getReturnType() == long.class || m.getReturnType() == int.class)) {
                return m.getReturnType() == long.class ? (Object) (-1L) : (Object) (-1);
            }
            return r;
        };
        return (T) Proxy.newProxyInstance(Stubs.class.getClassLoader(), new Class<?>[] {type}, h);
    }

    /** Request headers: the given ones; getAcceptableLanguages fails when the Accept-Language value is not parsable. */
    static HttpHeaders headers(Map<String, String> values) {
        return of(HttpHeaders.class, (method, args) -> switch (method) {
            case "getHeaderString" -> values.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase((String) args[0]))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            case "getAcceptableLanguages" -> {
                String v = values.get(HttpHeaders.ACCEPT_LANGUAGE);
                if (v == null) {
                    yield List.of();
                }
                if (!v.matches("[A-Za-z-]+(\\s*,\\s*[A-Za-z-]+)*")) {
                    // as Jersey does for ",,,"
                    throw new jakarta.ws.rs.ProcessingException(new java.text.ParseException("Error parsing Accept-Language", 0));
                }
                yield java.util.Arrays.stream(v.split(",")).map(String::strip).map(Locale::forLanguageTag).toList();
            }
            default -> null;
        });
    }

    /** An AuthService that knows one national admin, with token TOKEN. */
    static AuthService auth() {
        Account admin = new Account(1, "admin@example.org", "Admin", Role.NATIONAL_ADMIN, null, null);
        return of(AuthService.class, (method, args) -> "authenticate".equals(method) && TOKEN.equals(args[0]) ? Optional.of(admin) : null);
    }

    /** A request body: reads in, blocking; finished once in has ended; closing it closes in. */
    static jakarta.servlet.ServletInputStream input(java.io.InputStream in) {
        return new jakarta.servlet.ServletInputStream() {
            private boolean ended;

            @Override
            public int read() throws java.io.IOException {
                int b = in.read();
                ended |= b < 0;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                int n = in.read(b, off, len);
                ended |= n < 0;
                return n;
            }

            @Override
            public void close() throws java.io.IOException {
                in.close();
            }

            @Override
            public boolean isFinished() {
                return ended;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(jakarta.servlet.ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
    }

    static void inject(Object target, String field, Object value) {
        try {
            Field f = target.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What ErrorMapper answers for e, for a request with these headers. */
    static jakarta.ws.rs.core.Response map(Throwable e, Map<String, String> headers) {
        ErrorMapper m = new ErrorMapper();
        inject(m, "headers", headers(headers));
        return m.toResponse(e);
    }

    static ApiError error(jakarta.ws.rs.core.Response r) {
        return (ApiError) r.getEntity();
    }
}
