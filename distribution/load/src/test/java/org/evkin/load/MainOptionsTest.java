package org.evkin.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** run.sh's options: the warm-up follows the mode unless given, the automatic participants follow the warm-up. */
class MainOptionsTest {

    @Test
    void closedLoopWarmsUp30SecondsPacedRuns60() {
        Main.Options closed = Main.Options.parse(new String[] {"--raters", "256", "--duration", "60"});
        assertEquals(30, closed.warmup);
        assertEquals(80 * 90, closed.participants);
        assertEquals(60, Main.Options.parse(new String[] {"--target-percent", "40"}).warmup);
        Main.Options rate = Main.Options.parse(new String[] {"--rate", "80", "--duration", "20"});
        assertEquals(60, rate.warmup);
        assertEquals(80 * 80, rate.participants);
        assertEquals(90, Main.Options.parse(new String[] {"--target-percent", "45", "--warmup", "90"}).warmup);
        assertEquals(10, Main.Options.parse(new String[] {"--warmup", "10"}).warmup);
        assertEquals(0, Main.Options.parse(new String[] {"--target-percent", "40", "--warmup", "0"}).warmup, "no warm-up when asked");
        assertEquals(5.0, Main.Options.parse(new String[] {"--reports-every", "5"}).reportsEvery);
        assertEquals(1, Main.Options.parse(new String[] {"--reports-every", "5"}).reportAdmins, "one admin unless told");
        assertEquals(4, Main.Options.parse(new String[] {"--reports-every", "5", "--report-admins", "4"}).reportAdmins);
        assertThrows(IllegalArgumentException.class, () -> Main.Options.parse(new String[] {"--reports-evry", "5"}));
    }
}
