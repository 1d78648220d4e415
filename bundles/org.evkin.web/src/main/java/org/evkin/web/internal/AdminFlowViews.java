package org.evkin.web.internal;

import java.util.List;
import java.util.Map;

/** What the admin-*.ftlh templates show, already written out as text: no rule and no formatting left to a template. */
public final class AdminFlowViews {

    private AdminFlowViews() {
    }

    /** A labelled number of a summary (e.g. "Peserta baru: 12"). */
    public record Stat(String label, String value) {
    }

    /** One problem of a rejected import file, by row ("seluruh berkas" for the file) and column ("—" for none). */
    public record ProblemRow(String row, String column, String message) {
    }

    /** One participant row of an import preview. */
    public record PreviewRow(String row, String name, String nip, String email, String kind, String level, String region,
            String program, String score, boolean eligible, String eligibility) {
    }

    /**
     * The schedule form of one program: key makes its field ids unique on the page ("p0", "p1", … or "baru"); the
     * values as shown or as submitted; errors by field name ("program", "status", "mulai", "selesai", "perpanjangan").
     */
    public record BatteryForm(String key, String program, boolean existing, boolean active, String start, String end,
            String extension, Map<String, String> errors) {

        public BatteryForm {
            errors = Map.copyOf(errors);
        }
    }

    /** A row of a completion table: eligible participants of a group and how many are complete. */
    public record GroupRow(String label, String eligible, String complete, String percent) {
    }

    /** A row of the table by rater source: forms expected and submitted. */
    public record SourceRow(String label, String expected, String submitted, String percent) {
    }

    /** A late rater. */
    public record LateRow(String participant, String province, String role, String name, String email, boolean hasEmail,
            String forms, String reminders, String invited) {
    }

    /** Paging of a long list: the current page (from 1), all page numbers, what is shown, and the page's own address. */
    public record Pager(int page, int pages, List<Integer> numbers, String shown, String base) {

        public Pager {
            numbers = List.copyOf(numbers);
        }
    }
}
