package org.evkin.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MariaDB's profile: perf's report read per function, and the raters' work set against the limit's per unit. */
class DatabaseProfileTest {

    @Test
    void perfsReportIsReadPerFunctionWithItsSpace() {
        String report = """
                    30.59%          8934  [k] pvm_irq_enable
                     2.54%           742  [k] iowrite16
                     2.43%           711  [.] buf_page_get_gen
                     0.01%             3  [.] MDL_context::find_ticket(MDL_request*, enum_mdl_duration*)

                # a comment perf may print
                """;
        Map<String, Long> samples = DatabaseProfile.parse(report);
        assertEquals(4, samples.size());
        assertEquals(8934L, samples.get("[k] pvm_irq_enable"));
        assertEquals(711L, samples.get("[.] buf_page_get_gen"));
        assertEquals(3L, samples.get("[.] MDL_context::find_ticket(MDL_request*, enum_mdl_duration*)"));
    }

    @Test
    void theRatersWorkIsSetAgainstTheLimitsPerUnit() {
        // 999 samples are one second of CPU: over 1000 submissions, 1000 µs each
        Map<String, Long> raters = Map.of("[k] schedule", 999L, "[.] JOIN::optimize_inner", 1998L, "[.] row_search_mvcc", 999L);
        Map<String, Long> limit = Map.of("[k] schedule", 999L, "[.] row_search_mvcc", 1998L);
        ObjectNode j = DatabaseProfile.compare(raters, 1000, limit, 2000, 2);
        assertEquals(4000.0, j.path("microsPerSubmission").asDouble(), 1e-9);
        assertEquals(1500.0, j.path("microsPerLimitForm").asDouble(), 1e-9);
        assertEquals(1000.0, j.path("kernelMicrosPerSubmission").asDouble(), 1e-9);
        assertEquals(500.0, j.path("kernelMicrosPerLimitForm").asDouble(), 1e-9);
        JsonNode largest = j.path("largestExtraMicros");
        assertEquals(2, largest.size(), "the top 2 only");
        assertEquals("[.] JOIN::optimize_inner", largest.get(0).path("function").asText());
        assertEquals(2000.0, largest.get(0).path("extra").asDouble(), 1e-9);
        assertEquals(0.0, largest.get(0).path("perLimitForm").asDouble(), 1e-9, "absent from the limit's samples");
        assertEquals("[k] schedule", largest.get(1).path("function").asText());
        assertEquals(500.0, largest.get(1).path("extra").asDouble(), 1e-9);
    }

    @Test
    void noUnitsGiveZeroesNotInfinity() {
        ObjectNode j = DatabaseProfile.compare(Map.of("[.] x", 10L), 0, Map.of(), 0, 5);
        assertEquals(0.0, j.path("microsPerSubmission").asDouble());
        assertEquals(0.0, j.path("microsPerLimitForm").asDouble());
    }
}
