package org.evkin.web.internal;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evkin.workflow.Account;
import org.evkin.workflow.AuthService;
import org.evkin.workflow.Login;
import org.evkin.workflow.Role;
import org.evkin.workflow.SessionKind;
import org.evkin.workflow.WorkflowException;

/** Stand-ins for the servlet container and the sign-in service, for tests of the servlet without a server. */
final class Fakes {

    private Fakes() {
    }

    /** What the servlet answers to the request. */
    static Response call(jakarta.servlet.http.HttpServlet servlet, Request req) throws Exception {
        Response resp = new Response();
        servlet.service(req.proxy(), resp.proxy());
        return resp;
    }

    /** A request as a browser would send it. */
    static final class Request {
        String method = "GET";
        String uri = "/";
        final Map<String, String> headers = new HashMap<>();
        final Map<String, String> params = new HashMap<>();
        final Map<String, Object> attributes = new HashMap<>();
        String session;
        /** What Jetty throws when it cannot parse the query string or the form; thrown by every getParameter* call. */
        RuntimeException paramFailure;

        Request(String method, String uri) {
            this.method = method;
            this.uri = uri;
            headers.put("host", "127.0.0.1:18181");
        }

        HttpServletRequest proxy() {
            return (HttpServletRequest) Proxy.newProxyInstance(Fakes.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                    (p, m, a) -> switch (m.getName()) {
                        case "getMethod" -> method;
                        case "getRequestURI" -> uri;
                        case "getContextPath", "getServletPath" -> "";
                        case "getPathInfo" -> null;
                        case "getHeader" -> headers.get(((String) a[0]).toLowerCase());
                        case "getParameter" -> {
                            failIfUnparsable();
                            yield params.get((String) a[0]);
                        }
                        case "getParameterValues" -> {
                            failIfUnparsable();
                            yield params.containsKey((String) a[0]) ? new String[] {params.get((String) a[0])} : null;
                        }
                        case "getParameterMap" -> {
                            failIfUnparsable();
                            Map<String, String[]> all = new HashMap<>();
                            params.forEach((k, v) -> all.put(k, new String[] {v}));
                            yield all;
                        }
                        case "getCookies" -> session == null ? null : new Cookie[] {new Cookie(SessionCookie.NAME, session)};
                        case "getRemoteAddr" -> "127.0.0.1";
                        case "getAttribute" -> attributes.get((String) a[0]);
                        case "isSecure" -> false;
                        case "setCharacterEncoding" -> null;
                        case "hashCode" -> System.identityHashCode(p);
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }

        private void failIfUnparsable() {
            if (paramFailure != null) {
                throw paramFailure;
            }
        }
    }

    /** What the servlet answered. */
    static final class Response {
        int status = 200;
        final Map<String, List<String>> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        String header(String name) {
            List<String> v = headers.get(name.toLowerCase());
            return v == null ? null : v.get(0);
        }

        String text() {
            return body.toString(StandardCharsets.UTF_8);
        }

        HttpServletResponse proxy() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener l) {
                }

                @Override
                public void write(int b) {
                    body.write(b);
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(Fakes.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                    (p, m, a) -> {
                        switch (m.getName()) {
                            case "setStatus" -> status = (Integer) a[0];
                            case "setHeader" -> headers.put(((String) a[0]).toLowerCase(), new ArrayList<>(List.of((String) a[1])));
                            case "addHeader" -> headers.computeIfAbsent(((String) a[0]).toLowerCase(), k -> new ArrayList<>()).add((String) a[1]);
                            case "setContentType" -> headers.put("content-type", new ArrayList<>(List.of((String) a[0])));
                            case "setContentLength" -> headers.put("content-length", new ArrayList<>(List.of(a[0].toString())));
                            case "getOutputStream" -> {
                                return out;
                            }
                            case "hashCode" -> {
                                return System.identityHashCode(p);
                            }
                            default -> throw new UnsupportedOperationException(m.getName());
                        }
                        return null;
                    });
        }
    }

    /** One admin with one password; sessions and CSRF tokens in memory. */
    static final class Auth implements AuthService {
        final Map<String, Account> sessions = new HashMap<>();
        final Account admin = new Account(1, "admin@kemnaker.go.id", "Admin Nasional", Role.NATIONAL_ADMIN, null, null);

        @Override
        public Login login(String email, String password, String remoteAddress, SessionKind kind) {
            if (!admin.email().equals(email) || !"Rahasia-Admin-2025!".equals(password)) {
                throw new WorkflowException(WorkflowException.Kind.UNAUTHENTICATED, "badCredentials", "E-mail atau kata sandi salah.");
            }
            String token = "token-" + "x".repeat(37) + sessions.size();
            sessions.put(token, admin);
            return new Login(token, admin, Instant.now().plusSeconds(3600));
        }

        @Override
        public Optional<Account> authenticate(String token, SessionKind kind) {
            return Optional.ofNullable(sessions.get(token));
        }

        @Override
        public void logout(String token) {
            sessions.remove(token);
        }

        @Override
        public String csrfToken(String sessionToken) {
            return "csrf-" + sessionToken;
        }

        @Override
        public boolean verifyCsrf(String sessionToken, String csrfToken) {
            return csrfToken != null && csrfToken.equals("csrf-" + sessionToken);
        }

        @Override
        public Account createAccount(Account actor, String email, String name, String password, Role role, String province,
                String district) {
            throw new UnsupportedOperationException();
        }
    }
}
