package org.evkin.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.evkin.workflow.FormInput;
import org.evkin.workflow.FormService;
import org.evkin.workflow.Role;
import org.junit.jupiter.api.Test;

/** Bugs 6 and 7: null where a value is expected is a 400 naming the problem, before any service is called. */
class InputValidationTest {

    private static final FormService NEVER = Stubs.of(FormService.class, (method, args) -> {
        throw new AssertionError("the service must not be called with bad input");
    });

    private static Map<String, Object> answers(Object value) {
        Map<String, Object> answers = new HashMap<>();
        answers.put("P2-ITEM-07", value);
        answers.put("P2-ITEM-01", "3");
        Map<String, Object> body = new HashMap<>();
        body.put("answers", answers);
        return body;
    }

    @Test
    void aNullAnswerIsA400NamingTheItem() {
        LinkResource r = new LinkResource(() -> NEVER);
        for (BadRequest b : List.of(assertThrows(BadRequest.class, () -> r.part2Draft("t", "COP-BISINDO-2025", null, answers(null))),
                assertThrows(BadRequest.class, () -> r.part2Submit("t", "COP-BISINDO-2025", answers(null))),
                assertThrows(BadRequest.class, () -> r.part1Draft("t", null, answers(null))))) {
            assertEquals(400, b.status);
            assertEquals("nullAnswer", b.code);
            jakarta.ws.rs.core.Response answer = Stubs.map(b, Map.of());
            assertEquals(400, answer.getStatus());
            assertTrue(Stubs.error(answer).message().contains("P2-ITEM-07"), Stubs.error(answer).message());
            assertTrue(Stubs.error(answer).message().contains("NA"), Stubs.error(answer).message());
            answer = Stubs.map(b, Map.of(HttpHeaders.ACCEPT_LANGUAGE, "en"));
            assertTrue(Stubs.error(answer).message().startsWith("The answer to item P2-ITEM-07"), Stubs.error(answer).message());
        }
        Map<String, Object> longItem = new HashMap<>();
        Map<String, Object> a = new HashMap<>();
        a.put("X".repeat(70_000), null);
        longItem.put("answers", a);
        BadRequest b = assertThrows(BadRequest.class, () -> LinkResource.input(longItem));
        assertTrue(Stubs.error(Stubs.map(b, Map.of())).message().length() < 300);
    }

    @Test
    void naAndNumbersStillPass() {
        FormInput in = LinkResource.input(answers("NA"));
        assertEquals(Map.of("P2-ITEM-07", "NA", "P2-ITEM-01", "3"), in.answers());
        in = LinkResource.input(Map.of("answers", Map.of("A", 4), "scope", List.of(1, "2", 15L), "ticks", List.of("T1")));
        assertEquals(Map.of("A", "4"), in.answers());
        assertEquals(Set.of(1, 2, 15), in.scope());
        assertEquals(Set.of("T1"), in.ticks());
    }

    @Test
    void idsAreAsciiDigitsOnly() {
        assertEquals(123, ReportsResource.id("123"));
        assertEquals(7, ReportsResource.id(" 7 "));
        assertEquals(0, ReportsResource.id("0"));
        assertEquals(999_999_999_999_999_999L, ReportsResource.id("999999999999999999"));
        // Long.parseLong takes each of these (a sign, other scripts' digits: Arabic-Indic, Devanagari, full-width)
        for (String bad : List.of("+5", "-5", "\u0661\u0662\u0663", "\u0967\u0968", "\uFF11\uFF12", "1 2", "12a", "", "  ",
                "1234567890123456789")) {
            assertEquals(-1, ReportsResource.id(bad), bad);
        }
        assertEquals(-1, ReportsResource.id(null));
        assertEquals("badCycle", assertThrows(BadRequest.class, () -> ReportsResource.cycleId("\u0661")).code);
        assertEquals(42, ReportsResource.cycleId("42"));
    }

    @Test
    void aScopeThatIsNoIntIsRefusedInsteadOfWrappedAround() {
        for (Object scope : List.of((1L << 32) + 5, 1.5, Double.NaN, new java.math.BigInteger("1".repeat(40)), "x")) {
            Map<String, Object> body = Map.of("scope", List.of(scope));
            BadRequest b = assertThrows(BadRequest.class, () -> LinkResource.input(body), String.valueOf(scope));
            assertEquals(400, b.status);
        }
    }

    @Test
    void aNullOrUnknownRoleIsBadRole() {
        AccountsResource r = new AccountsResource(Stubs::auth, new Authenticator(Stubs::auth));
        Stubs.inject(r, "headers", Stubs.headers(Map.of("Authorization", "Bearer " + Stubs.TOKEN)));
        Map<String, String> body = new HashMap<>();
        body.put("email", "x@example.org");
        body.put("role", null);
        BadRequest b = assertThrows(BadRequest.class, () -> r.create(body));
        assertEquals(400, b.status);
        assertEquals("badRole", b.code);
        body.remove("role");
        assertEquals("badRole", assertThrows(BadRequest.class, () -> r.create(body)).code);
        body.put("role", "national_admin");
        assertEquals("badRole", assertThrows(BadRequest.class, () -> r.create(body)).code);
        assertEquals(Role.REGIONAL_ADMIN, AccountsResource.role("REGIONAL_ADMIN"));
        assertEquals("badRole", assertThrows(BadRequest.class, () -> AccountsResource.role(7)).code);
    }
}
