package org.evkin.load;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MariaDB's CPU by function, sampled by Linux {@code perf} (the embedded mariadbd ships with its symbols) once during
 * the raters' window and once during the JDBC limit that follows, so that the two can be set side by side per unit of
 * work: microseconds per submission against microseconds per limit form, and the functions where the raters' work
 * costs most beyond the limit's. Flat samples (no call stacks) of mariadbd's threads, at {@link #HZ} per second. perf
 * follows the threads that exist when it starts: the limit's is started once its connections are open (MariaDB has a
 * thread per connection). Sampling the whole machine instead and keeping mariadbd's samples would not do: on the PVM
 * guest that gave mariadbd more than twice its CPU time at light load (the samples of idle cores land on whoever wakes).
 */
final class DatabaseProfile {

    static final int HZ = 999;

    /** A line of {@code perf report -n -q --stdio --sort sym}: "  2.43%   711  [.] buf_page_get_gen". */
    private static final Pattern LINE = Pattern.compile("^\\s*[\\d.]+%\\s+(\\d+)\\s+(\\[.\\])\\s+(.+?)\\s*$");

    private final PerfRecord perf;

    private DatabaseProfile(PerfRecord perf) {
        this.perf = perf;
    }

    /** Starts sampling the process for the given seconds (perf ends by itself), into data. */
    static DatabaseProfile start(long pid, int seconds, Path data) throws IOException {
        return new DatabaseProfile(PerfRecord.start(pid, HZ, false, seconds, data));
    }

    /** Samples per function ("[k] name" for the kernel's, "[.] name" for user space); null when perf failed. */
    Map<String, Long> finish() throws IOException, InterruptedException {
        if (!perf.ended(120, "MariaDB profile")) {
            return null;
        }
        Process report = perf.read("report", "--no-children", "--sort", "sym", "-n", "-q", "--stdio");
        String out = new String(report.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        report.waitFor(60, TimeUnit.SECONDS);
        return parse(out);
    }

    static Map<String, Long> parse(String report) {
        Map<String, Long> samples = new LinkedHashMap<>();
        for (String line : report.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                samples.merge(m.group(2) + " " + m.group(3), Long.parseLong(m.group(1)), Long::sum);
            }
        }
        return samples;
    }

    /**
     * The raters' samples per submission against the limit's per form, in microseconds of CPU: in all, in the kernel,
     * and the top functions by what the raters' work costs beyond the limit's.
     */
    static ObjectNode compare(Map<String, Long> raters, long submissions, Map<String, Long> limit, long forms, int top) {
        ObjectNode j = Http.JSON.createObjectNode();
        j.put("sampler", "perf record -F " + HZ + " on mariadbd: the raters' window, then the JDBC limit after it");
        j.put("microsPerSubmission", micros(total(raters, false), submissions)).put("microsPerLimitForm", micros(total(limit, false), forms));
        j.put("kernelMicrosPerSubmission", micros(total(raters, true), submissions))
                .put("kernelMicrosPerLimitForm", micros(total(limit, true), forms));
        Set<String> names = new HashSet<>(raters.keySet());
        names.addAll(limit.keySet());
        List<String> sorted = new ArrayList<>(names);
        sorted.sort((a, b) -> Double.compare(extra(b, raters, submissions, limit, forms), extra(a, raters, submissions, limit, forms)));
        ArrayNode largest = j.putArray("largestExtraMicros");
        for (String name : sorted.subList(0, Math.min(top, sorted.size()))) {
            largest.addObject().put("function", name).put("perSubmission", micros(raters.getOrDefault(name, 0L), submissions))
                    .put("perLimitForm", micros(limit.getOrDefault(name, 0L), forms))
                    .put("extra", Stats.round(extra(name, raters, submissions, limit, forms)));
        }
        return j;
    }

    private static double extra(String name, Map<String, Long> raters, long submissions, Map<String, Long> limit, long forms) {
        return micros(raters.getOrDefault(name, 0L), submissions) - micros(limit.getOrDefault(name, 0L), forms);
    }

    private static long total(Map<String, Long> samples, boolean kernelOnly) {
        return samples.entrySet().stream().filter(e -> !kernelOnly || e.getKey().startsWith("[k]")).mapToLong(Map.Entry::getValue).sum();
    }

    /** Samples at HZ per second as microseconds of CPU per unit. */
    private static double micros(long samples, long units) {
        return units <= 0 ? 0 : Stats.round(samples * 1e6 / HZ / units);
    }
}
