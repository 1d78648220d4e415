package org.evkin.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void slowAnswersAreCountedPerSecondWithTheSlowest() {
        Stats stats = new Stats();
        long from = System.nanoTime();
        stats.ok(Stats.Kind.DRAFT, 20_000_000L, true);
        stats.ok(Stats.Kind.DRAFT, Stats.SLOW_NANOS, true);
        stats.ok(Stats.Kind.SUBMIT, 412_000_000L, true);
        stats.ok(Stats.Kind.FORM, 149_999_999L, true);
        List<String> slow = stats.slowSeconds(from, System.nanoTime());
        // normally one second; two if the calls straddled a second's end
        assertTrue(slow.size() == 1 || slow.size() == 2, slow.toString());
        int slowCount = 0;
        int answers = 0;
        long slowest = 0;
        for (String s : slow) {
            String[] parts = s.split("[:/ ]");
            slowCount += Integer.parseInt(parts[1]);
            answers += Integer.parseInt(parts[2]);
            slowest = Math.max(slowest, Long.parseLong(parts[3].replace("ms", "")));
        }
        assertEquals(2, slowCount, "150 ms counts as slow, 149.999 ms does not: " + slow);
        assertTrue(answers >= 2 && answers <= 4, slow.toString());
        assertEquals(412, slowest);
    }

    @Test
    void secondsWithoutSlowAnswersAreLeftOut() {
        Stats stats = new Stats();
        long from = System.nanoTime();
        stats.ok(Stats.Kind.OPEN, 5_000_000L, true);
        stats.failed(Stats.Kind.OPEN, "503 Retry-After 5", true);
        assertEquals(List.of(), stats.slowSeconds(from, System.nanoTime()));
    }
}
