package org.evkin.web.internal;

import java.util.List;

/**
 * What the templates of the personal-link pages (t-*.ftlh) show, already decided and written out (texts from
 * formpages.properties through {@link Messages}): no rule is left to a template. Fields that may be absent are null;
 * the templates test them with {@code ??}.
 */
public final class LinkViews {

    private LinkViews() {
    }

    /** The participant as the pages show them; nip is null for raters (the workflow leaves it out). */
    public record Person(String name, String nip, String kind, String level, String institution, String province,
            String district, String workLocation) {
    }

    /**
     * One step of an overview: its title, its status, the link to open it (null when it cannot be opened yet) with the
     * link's text, a hint (may be null), whether it is done, and whether it takes answers now.
     */
    public record Step(String title, String status, String href, String action, String hint, boolean done, boolean open) {
    }

    /** A Part-2 statement: code, text, running number, the answer ("1".."4", "NA" or null), its label, and whether missing. */
    public record Item(String code, String text, int number, String value, String valueLabel, boolean missing) {
    }

    /** A subkompetensi of Part 2 with its statements. */
    public record ItemGroup(int no, String name, List<Item> items) {
    }

    /** One answer option of the scale: "1".."4" or "NA", its number as shown (empty for NA) and its label from the form. */
    public record Choice(String value, String number, String label) {
    }

    /** A Part-1 task: code, text, the level it belongs to ("Ahli Muda"), and whether ticked. */
    public record Task(String code, String text, String level, boolean ticked) {
    }

    /** A subkompetensi of Part 1 with its tasks. */
    public record TaskGroup(int no, String name, List<Task> tasks) {
    }

    /** A subkompetensi the rater may choose in Part 1, step 1: number, name, how many tasks, chosen. */
    public record ScopeOption(int no, String name, int tasks, boolean checked) {
    }

    /**
     * A rater on the monitoring page: role code and label, name (null when not named yet), e-mail, whether self, invited,
     * forms submitted of expected, and the resend button's text (null where no new link can be sent).
     */
    public record Rater(String role, String roleLabel, String name, String email, boolean self, boolean invited, int submitted,
            int expected, boolean complete, String resendLabel) {
    }

    /**
     * A program on the report page: its title, its state written out, the rater sources whose forms are still missing
     * (their labels; empty once it has a result) and whether it has a result.
     */
    public record ReportProgram(String title, String state, List<String> missing, boolean done) {
    }

    /** A kompetensi (subunsur) of the report's profile table with its subkompetensi rows. */
    public record ReportSection(int no, String name, List<ReportRow> rows) {
    }

    /**
     * A subkompetensi of the profile table: number, name, the explanation (definisi operasional at the participant's
     * level, or why it is not rated), the category ("-" when not rated) and whether it was rated.
     */
    public record ReportRow(int no, String name, String explanation, String category, boolean rated) {
    }

    /** A level's line of the activity profile: its label, whole count, percentage, and whether it is the participant's. */
    public record ActivityRow(String label, int count, int percentage, boolean own) {
    }
}
