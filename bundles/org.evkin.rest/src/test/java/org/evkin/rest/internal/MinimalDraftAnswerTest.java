package org.evkin.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.evkin.workflow.FormView;
import org.evkin.workflow.RaterRole;
import org.junit.jupiter.api.Test;

/** An autosave answered with "Prefer: return=minimal" (RFC 7240) carries the saved state only. */
class MinimalDraftAnswerTest {

    private static final FormView PART2 = new FormView(2, "COP-BISINDO-2025", "CoP BISINDO", "1.0.0", RaterRole.DIRI, "DRAFT", 7,
            true, List.of(new FormView.Section(5, "Sub 5", List.of(new FormView.Entry("I-1", "Saya ...", null),
                    new FormView.Entry("I-2", "Saya ...", null), new FormView.Entry("I-3", "Saya ...", null)))),
            Map.of("I-1", "3", "I-2", "NA"), Set.of(), Set.of(), Map.of(1, "Tidak"), "Tidak teramati");

    private static final FormView PART1 = new FormView(1, null, null, null, RaterRole.ATASAN, "DRAFT", 2, true, List.of(),
            Map.of(), Set.of("AMU-05-01", "AP-08-01", "AMA-08-02"), Set.of(5, 8), Map.of(), null);

    @Test
    void returnMinimalIsRecognisedWhereverTheHeaderPutsIt() {
        for (String yes : List.of("return=minimal", "RETURN=Minimal", " return = minimal ", "return=\"minimal\"",
                "respond-async, return=minimal", "return=minimal; foo=bar", "wait=10,return=minimal")) {
            assertTrue(LinkResource.prefersMinimal(yes), yes);
        }
        for (String no : List.of("", "return=representation", "minimal", "return-minimal", "returns=minimal", "return=",
                "return=representation, return=minimal", "handling=lenient", "x".repeat(2000) + ",return=minimal")) {
            assertFalse(LinkResource.prefersMinimal(no), no);
        }
        assertFalse(LinkResource.prefersMinimal(null));
    }

    @Test
    void theMinimalAnswerHoldsStatusRevisionAndCountOnly() {
        Response r = LinkResource.saved(PART2, "return=minimal");
        assertEquals(200, r.getStatus());
        assertEquals(Map.of("status", "DRAFT", "revision", 7, "answered", 2), r.getEntity());
        assertEquals("return=minimal", r.getHeaderString("Preference-Applied"));
        assertEquals("private, no-store, no-transform", r.getHeaderString("Cache-Control"));
        Response p1 = LinkResource.saved(PART1, "return=minimal");
        assertEquals(Map.of("status", "DRAFT", "revision", 2, "answered", 3), p1.getEntity(), "Part 1 counts its ticks");
    }

    @Test
    void withoutThePreferenceTheWholeFormComesBackAsBefore() {
        for (String prefer : new String[] {null, "return=representation"}) {
            Response r = LinkResource.saved(PART2, prefer);
            assertSame(PART2, r.getEntity());
            assertNull(r.getHeaderString("Preference-Applied"));
            assertEquals("private, no-store, no-transform", r.getHeaderString("Cache-Control"));
        }
    }
}
