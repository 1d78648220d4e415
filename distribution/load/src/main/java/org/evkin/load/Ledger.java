package org.evkin.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the server acknowledged to the raters (a 2xx answer) and what it was sent without an answer, per form; then
 * checked against the database: every acknowledged submission is there with its content, no form twice, and every
 * draft holds the last acknowledged content (or a later one whose answer was lost, e.g. in flight during a crash).
 */
public final class Ledger {

    /** One form: the participant's Part 2 of a program. Content is item code -> "1".."4" or "NA". */
    static final class Track {
        Map<String, String> acked = Map.of();
        final List<Map<String, String>> unanswered = new ArrayList<>();
        Map<String, String> submitted;
        final List<Map<String, String>> submitsUnanswered = new ArrayList<>();
    }

    /** The outcome of the check. */
    public record Verdict(int forms, int submissionsAcknowledged, int draftsChecked, int submittedInDatabase, List<String> problems) {
        public boolean passed() {
            return problems.isEmpty();
        }

        @Override
        public String toString() {
            return (passed() ? "PASS" : "FAIL") + ": " + forms + " forms checked, " + submissionsAcknowledged
                    + " acknowledged submissions all stored (" + submittedInDatabase + " submitted in the database), "
                    + draftsChecked + " drafts hold their last acknowledged content"
                    + (passed() ? "" : "; problems: " + problems.subList(0, Math.min(20, problems.size())));
        }
    }

    private final Map<String, Track> forms = new ConcurrentHashMap<>();

    private Track track(long participant, String program) {
        return forms.computeIfAbsent(participant + "/" + program, k -> new Track());
    }

    void sending(long participant, String program, Map<String, String> content, boolean submit) {
        Track t = track(participant, program);
        synchronized (t) {
            (submit ? t.submitsUnanswered : t.unanswered).add(content);
        }
    }

    void acknowledged(long participant, String program, Map<String, String> content, boolean submit) {
        Track t = track(participant, program);
        synchronized (t) {
            if (submit) {
                t.submitted = content;
                t.submitsUnanswered.clear();
            } else {
                t.acked = content;
            }
            t.unanswered.clear();
        }
    }

    /** Reads every Part-2 DIRI form of the cycle through JDBC and compares. */
    public Verdict verify(String jdbcUrl, long cycleId) throws Exception {
        Map<String, String> status = new HashMap<>();
        Map<String, Map<String, String>> stored = new HashMap<>();
        List<String> problems = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT participant_id, program_code, COUNT(*) FROM form WHERE cycle_id = ?"
                    + " GROUP BY participant_id, rater_role, part, program_code HAVING COUNT(*) > 1")) {
                ps.setLong(1, cycleId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        problems.add("form " + rs.getLong(1) + "/" + rs.getString(2) + " stored " + rs.getInt(3) + " times");
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT f.participant_id, f.program_code, f.status, a.item_code, a.value"
                    + " FROM form f LEFT JOIN answer a ON a.form_id = f.id WHERE f.cycle_id = ? AND f.part = 2 AND f.rater_role = 'DIRI'")) {
                ps.setLong(1, cycleId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String key = rs.getLong(1) + "/" + rs.getString(2);
                        status.put(key, rs.getString(3));
                        Map<String, String> answers = stored.computeIfAbsent(key, k -> new HashMap<>());
                        String item = rs.getString(4);
                        if (item != null) {
                            int v = rs.getInt(5);
                            String value = rs.wasNull() ? "NA" : Integer.toString(v);
                            if (answers.put(item, value) != null) {
                                problems.add(key + ": item " + item + " stored twice");
                            }
                        }
                    }
                }
            }
        }
        int acknowledged = 0, drafts = 0, submittedInDb = 0;
        for (Map.Entry<String, Track> e : forms.entrySet()) {
            String key = e.getKey();
            Track t = e.getValue();
            String s = status.get(key);
            Map<String, String> content = stored.getOrDefault(key, Map.of());
            synchronized (t) {
                if ("SUBMITTED".equals(s)) {
                    submittedInDb++;
                }
                if (t.submitted != null) {
                    acknowledged++;
                    if (!"SUBMITTED".equals(s)) {
                        problems.add(key + ": acknowledged submission is " + (s == null ? "missing" : s));
                    } else if (!content.equals(t.submitted)) {
                        problems.add(key + ": submitted content differs from the acknowledged one");
                    }
                } else if ("SUBMITTED".equals(s)) {
                    if (!t.submitsUnanswered.contains(content)) {
                        problems.add(key + ": submitted without any submit of that content");
                    }
                } else {
                    drafts++;
                    if (!content.equals(t.acked) && !t.unanswered.contains(content) && !t.submitsUnanswered.contains(content)) {
                        problems.add(key + ": draft holds " + content.size() + " answers, not the last acknowledged ("
                                + t.acked.size() + " answers)" + (s == null ? " (no form row)" : ""));
                    }
                }
            }
        }
        return new Verdict(forms.size(), acknowledged, drafts, submittedInDb, problems);
    }
}
