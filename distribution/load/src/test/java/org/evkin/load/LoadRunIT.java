package org.evkin.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The load test itself, small (run.sh runs the real one): raters, the JDBC limit, the results file. Asserts that it
 * works — no failed request, nothing lost, every figure present — not how fast it is (this machine is shared and noisy).
 */
class LoadRunIT {

    @Test
    void ratersAndJdbcLimitProduceResults() throws Exception {
        Path dir = Path.of(System.getProperty("load.dir", "target/runs"));
        Main.Options o = new Main.Options();
        o.raters = UnderLoad.FULL ? 256 : 24;
        o.duration = UnderLoad.FULL ? 60 : 15; // long enough for a paced rater's second link opening on a slow machine
        o.warmup = UnderLoad.FULL ? 10 : 3;
        o.participants = UnderLoad.FULL ? 0 : 120;
        o.jdbcDuration = UnderLoad.FULL ? 30 : 5;
        o.jdbcParticipants = UnderLoad.FULL ? 40_000 : 3_000;
        // the short version is paced: the JDBC limit first, then the raters at 5 % of it
        o.targetPercent = UnderLoad.FULL ? 0 : 5;
        o.jdbcAtRate = true;
        // the server's CPU by layer, sampled by perf during the window (.ci/run installs perf where it is missing)
        o.perf = true;
        if (o.participants == 0) {
            o.participants = Math.max(o.raters * 2, 25 * (o.duration + o.warmup));
        }
        o.distribution = Path.of(System.getProperty("evkin.distribution", "../assembly/target/evkin"));
        o.dir = dir.resolve("load-smoke");
        o.results = dir.resolve("load-smoke-results.json");
        ObjectNode r = Main.run(o);
        assertTrue(Files.isRegularFile(o.results));
        assertEquals(0, r.path("http").path("failures").asLong(), r.toPrettyString());
        assertTrue(r.path("http").path("submissions").asLong() > 0, r.toPrettyString());
        assertTrue(r.path("jdbcLimit").path("formsPerSecond").asDouble() > 0, r.toPrettyString());
        assertTrue(r.path("percentOfJdbcLimit").asDouble() > 0, r.toPrettyString());
        assertTrue(r.path("serverMemory").path("peakHeapUsedMb").asLong() > 0, r.toPrettyString());
        assertTrue(r.path("goals").path("nothingLost").asBoolean(), r.path("verify").asText());
        // the machine the figures came from, with the price of a loopback round trip measured before the run
        assertTrue(r.path("machine").path("loopbackRoundTripMicros").asDouble() > 0, r.path("machine").toPrettyString());
        assertTrue(!r.path("machine").path("kernel").asText("").isBlank(), r.path("machine").toPrettyString());
        if (o.targetPercent > 0) {
            double offered = r.path("options").path("offeredSubmissionsPerSecond").asDouble();
            JsonNode limit = r.path("jdbcLimit");
            // the rate comes from the limit measured before the raters; the percentage from the higher of before and after
            assertEquals(limit.path("formsPerSecondBefore").asDouble() * 0.05, offered, 0.1, r.toPrettyString());
            assertTrue(limit.path("formsPerSecondAfter").asDouble() > 0, r.toPrettyString());
            assertEquals(Math.max(limit.path("formsPerSecondBefore").asDouble(), limit.path("formsPerSecondAfter").asDouble()),
                    limit.path("formsPerSecond").asDouble(), 0.05, r.toPrettyString());
            double achieved = r.path("http").path("submissionsPerSecond").asDouble();
            assertTrue(achieved > offered * 0.5 && achieved < offered * 1.5, "paced at " + offered + "/s, got " + achieved + "/s");
            // the limit's work paced at the raters' rate: that rate, not the limit's, and what it cost per form
            JsonNode atRate = r.path("jdbcAtRatersRate");
            double jdbcPaced = atRate.path("formsPerSecond").asDouble();
            assertEquals(offered, atRate.path("offeredFormsPerSecond").asDouble(), 0.1, r.toPrettyString());
            assertTrue(jdbcPaced > offered * 0.5 && jdbcPaced < offered * 1.5, "JDBC paced at " + offered + "/s, got " + jdbcPaced + "/s");
            assertTrue(atRate.path("mariadbCpuMicrosPerForm").asLong() > 0, r.toPrettyString());
        }
        // the limit does the server's writes: per form as many INSERTs, DELETEs and UPDATEs (the form's, and the
        // enrolment's version pinned by a program's first form) as the server per submission
        for (String counter : new String[] {"Com_insert", "Com_delete", "Com_update"}) {
            double server = r.path("databaseCountersPerSubmission").path(counter).asDouble();
            double limit = r.path("databaseCountersPerJdbcLimitForm").path(counter).asDouble();
            assertTrue(server > 0 && Math.abs(server - limit) < 0.5, counter + ": server " + server + " per submission, limit " + limit
                    + " per form");
        }
        // MariaDB by function, the raters' window against the limit after it (perf on mariadbd, which has its symbols)
        JsonNode db = r.path("mariadbProfile");
        assertTrue(db.path("microsPerSubmission").asDouble() > 0 && db.path("microsPerLimitForm").asDouble() > 0, db.toPrettyString());
        assertTrue(db.path("largestExtraMicros").size() > 0, db.toPrettyString());
        // and it sampled the threads that did the work: its totals agree with MariaDB's CPU time from /proc within a factor of 2
        // (sampling the whole machine had given twice the CPU time; perf -p started before the limit's connections, a third)
        for (String[] p : new String[][] {{"microsPerSubmission", "mariadb"}, {"microsPerLimitForm", "mariadbPerJdbcLimitForm"}}) {
            double sampled = db.path(p[0]).asDouble();
            double measured = r.path("cpuMicrosPerSubmission").path(p[1]).asDouble();
            assertTrue(sampled > measured / 2 && sampled < measured * 2, p[0] + " " + sampled + " against " + p[1] + " " + measured);
        }
        // the kernel's part of each process's CPU, for the raters' work and for the limit's: there, and never more than the whole
        JsonNode sys = r.path("systemCpuMicrosPerSubmission");
        JsonNode all = r.path("cpuMicrosPerSubmission");
        for (String[] p : new String[][] {{"serverJvm", "serverJvm"}, {"mariadb", "mariadb"}, {"loadGenerator", "loadGenerator"},
                {"mariadbPerJdbcLimitForm", "mariadbPerJdbcLimitForm"}, {"jdbcClientPerJdbcLimitForm", "jdbcClientPerJdbcLimitForm"}}) {
            assertTrue(sys.has(p[0]) && sys.path(p[0]).asLong() >= 0 && sys.path(p[0]).asLong() <= all.path(p[1]).asLong(),
                    p[0] + ": " + sys + " of " + all);
        }
        assertTrue(sys.path("mariadb").asLong() > 0, "MariaDB answers over sockets: some of its time is the kernel's " + sys);
        // every rater request passes Jetty and Jersey into EvKin: the profile must have found the JIT's frames there
        JsonNode layers = r.path("serverProfile").path("percentByLayer");
        assertTrue(r.path("serverProfile").path("samples").asInt() > 0, r.path("serverProfile").toPrettyString());
        for (String layer : new String[] {"jetty", "jersey+hk2", "evkin", "mariadb-driver"}) {
            assertTrue(layers.path(layer).path("percent").asDouble() > 0, layer + " in " + layers.toPrettyString());
        }
        assertTrue(r.path("http").path("slowSeconds").isArray(), r.toPrettyString());
        // and the generator's own stalls, to tell a stalled machine from a slow server
        assertTrue(r.path("http").path("generatorLateMaxMillis").isIntegralNumber(), r.path("http").toPrettyString());
        assertTrue(r.path("http").path("generatorStalledSeconds").isArray(), r.path("http").toPrettyString());
        for (String kind : new String[] {"OPEN", "FORM", "DRAFT", "SUBMIT"}) {
            assertTrue(r.path("http").path("latencyMillis").path(kind).path("count").asLong() > 0, kind);
        }
    }
}
