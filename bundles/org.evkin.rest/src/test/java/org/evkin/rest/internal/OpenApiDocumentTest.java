package org.evkin.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** openapi.json describes every endpoint of the API, and nothing that does not exist. */
class OpenApiDocumentTest {

    private static final List<Class<?>> RESOURCES = List.of(CompetencyModelResource.class, HealthResource.class,
            InstrumentsResource.class, AdminInstrumentsResource.class, OpenApiResource.class, AuthResource.class,
            CyclesResource.class, AccountsResource.class, LinkResource.class, ReportsResource.class,
            ParticipantReportResource.class);

    @Test
    void everyResourceMethodIsDocumentedAndEveryDocumentedPathExists() throws Exception {
        JsonNode doc;
        try (InputStream in = OpenApiResource.class.getResourceAsStream("openapi.json")) {
            doc = new ObjectMapper().readTree(in);
        }
        TreeSet<String> implemented = new TreeSet<>();
        for (Class<?> c : RESOURCES) {
            String base = c.getAnnotation(Path.class).value();
            for (Method m : c.getMethods()) {
                String verb = m.isAnnotationPresent(GET.class) ? "get" : m.isAnnotationPresent(POST.class) ? "post"
                        : m.isAnnotationPresent(PUT.class) ? "put" : m.isAnnotationPresent(DELETE.class) ? "delete" : null;
                if (verb == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                implemented.add(verb + " " + join(base, sub == null ? "" : sub.value()));
            }
        }
        TreeSet<String> documented = new TreeSet<>();
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(v -> documented.add(v + " " + p.getKey())));
        assertEquals(implemented, documented);
        assertTrue(implemented.size() >= 12, implemented.toString());
    }

    private static String join(String a, String b) {
        List<String> parts = new ArrayList<>();
        for (String s : (a + "/" + b).split("/")) {
            if (!s.isEmpty()) {
                parts.add(s);
            }
        }
        return "/" + String.join("/", parts);
    }
}
