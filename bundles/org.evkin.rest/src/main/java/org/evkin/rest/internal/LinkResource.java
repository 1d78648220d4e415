package org.evkin.rest.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.evkin.workflow.FormInput;
import org.evkin.workflow.FormService;
import org.evkin.workflow.FormView;
import org.evkin.workflow.RaterInput;
import org.evkin.workflow.RaterRole;

/**
 * What a personal link allows, as JSON (the pages' autosave uses it too): /api/t/{token} and below. The token in the
 * path is the only credential; it is never logged.
 */
@Path("t/{token}")
public class LinkResource {

    private final Supplier<FormService> forms;

    LinkResource(Supplier<FormService> forms) {
        this.forms = forms;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Response access(@PathParam("token") String token) {
        return private_(service().access(token));
    }

    @POST
    @Path("identity")
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Response confirm(@PathParam("token") String token) {
        return private_(service().confirmIdentity(token));
    }

    @PUT
    @Path("profile")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Response profile(@PathParam("token") String token, Map<String, Object> body) {
        Map<String, Object> b = body == null ? Map.of() : body;
        return private_(Map.of("raters", service().saveProfile(token, string(b.get("workLocation")), rater(b.get("supervisor")),
                rater(b.get("peer")))));
    }

    @POST
    @Path("service-user")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Response serviceUser(@PathParam("token") String token, Map<String, Object> body) {
        return private_(service().nominateServiceUser(token, rater(body)));
    }

    @GET
    @Path("raters")
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Response raters(@PathParam("token") String token) {
        return private_(Map.of("raters", service().monitoring(token)));
    }

    @POST
    @Path("raters/{role}/resend")
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Response resend(@PathParam("token") String token, @PathParam("role") String role) {
        RaterRole r;
        try {
            r = RaterRole.valueOf(role);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("badRater", "error.badRater");
        }
        return private_(service().resend(token, r));
    }

    @GET
    @Path("part1")
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Response part1(@PathParam("token") String token) {
        return private_(service().form(token, 1, null));
    }

    @PUT
    @Path("part1/draft")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Response part1Draft(@PathParam("token") String token, @HeaderParam(PREFER) String prefer, Map<String, Object> body) {
        return saved(service().saveDraft(token, 1, null, input(body)), prefer);
    }

    @POST
    @Path("part1/submit")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Response part1Submit(@PathParam("token") String token, Map<String, Object> body) {
        return private_(service().submit(token, 1, null, input(body)));
    }

    @GET
    @Path("part2/{program}")
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Response part2(@PathParam("token") String token, @PathParam("program") String program) {
        return private_(service().form(token, 2, program));
    }

    @PUT
    @Path("part2/{program}/draft")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Response part2Draft(@PathParam("token") String token, @PathParam("program") String program,
            @HeaderParam(PREFER) String prefer, Map<String, Object> body) {
        return saved(service().saveDraft(token, 2, program, input(body)), prefer);
    }

    @POST
    @Path("part2/{program}/submit")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Response part2Submit(@PathParam("token") String token, @PathParam("program") String program, Map<String, Object> body) {
        return private_(service().submit(token, 2, program, input(body)));
    }

    @SuppressWarnings("unchecked")
    static FormInput input(Map<String, Object> body) {
        if (body == null) {
            return new FormInput(Map.of(), Set.of(), Set.of());
        }
        try {
            Map<String, String> answers = new HashMap<>();
            Object a = body.get("answers");
            if (a instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    String item = String.valueOf(e.getKey());
                    if (e.getValue() == null) {
                        // "tidak dapat menilai" is "NA", never null (openapi.json): name the item instead of failing
                        throw new BadRequest("nullAnswer", "error.nullAnswer", shorten(item));
                    }
                    answers.put(item, String.valueOf(e.getValue()));
                }
            }
            Set<String> ticks = new HashSet<>();
            if (body.get("ticks") instanceof List<?> l) {
                l.forEach(x -> ticks.add(String.valueOf(x)));
            }
            Set<Integer> scope = new HashSet<>();
            if (body.get("scope") instanceof List<?> l) {
                for (Object x : l) {
                    // 2^32 + 5 must not become 5, nor 1.5 become 1
                    scope.add(x instanceof Number n ? new java.math.BigDecimal(n.toString()).intValueExact()
                            : Integer.valueOf(String.valueOf(x)));
                }
            }
            return new FormInput(answers, ticks, scope);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new BadRequest("badRequest", "error.badRequest");
        }
    }

    /** An item code as it may appear in a message: at most 60 characters. */
    private static String shorten(String item) {
        return item.length() <= 60 ? item : item.substring(0, 57) + "...";
    }

    private static RaterInput rater(Object o) {
        if (!(o instanceof Map<?, ?> m)) {
            return null;
        }
        return new RaterInput(string(m.get("name")), string(m.get("email")), string(m.get("phone")));
    }

    private static String string(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    /**
     * Personal answers must not be cached by proxies or shared browsers. The header is written as text: Jersey's
     * CacheControl builds a localized error message on every response it formats, which showed in the load test's profile.
     */
    private static final String PRIVATE = "private, no-store, no-transform";

    /** The request header of RFC 7240 with which form.js asks for the short answer to an autosave. */
    static final String PREFER = "Prefer";

    /**
     * An autosave's answer: the whole form again (as GET gives it), or with "Prefer: return=minimal" — what form.js
     * sends — only what was saved: status, revision and how many answers (Part 2) or ticks (Part 1) the draft holds,
     * with "Preference-Applied: return=minimal". The form's texts (5-10 KB) are not sent again on every autosave over a
     * phone's mobile data.
     */
    static Response saved(FormView v, String prefer) {
        if (!prefersMinimal(prefer)) {
            return private_(v);
        }
        Map<String, Object> saved = new java.util.LinkedHashMap<>();
        saved.put("status", v.status());
        saved.put("revision", v.revision());
        saved.put("answered", v.part() == 1 ? v.ticks().size() : v.answers().size());
        return Response.ok(saved).header(HttpHeaders.CACHE_CONTROL, PRIVATE).header("Preference-Applied", "return=minimal").build();
    }

    /** Whether a Prefer header (comma-separated preferences, each maybe with ";" parameters) holds return=minimal. */
    static boolean prefersMinimal(String prefer) {
        if (prefer == null || prefer.length() > 1000) {
            return false;
        }
        for (String preference : prefer.split(",")) {
            int semicolon = preference.indexOf(';');
            String p = (semicolon < 0 ? preference : preference.substring(0, semicolon)).strip();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase("return")) {
                String value = p.substring(eq + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.equalsIgnoreCase("minimal");
            }
        }
        return false;
    }

    private static Response private_(Object entity) {
        return Response.ok(entity).header(HttpHeaders.CACHE_CONTROL, PRIVATE).build();
    }

    private FormService service() {
        FormService f = forms.get();
        if (f == null) {
            throw new ServiceUnavailableException(5L);
        }
        return f;
    }
}
