package org.evkin.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A participant's individual report (SPEC §4, report Gambar 2.2–2.4): identity, the 15 subkompetensi under their 6
 * kompetensi, the conclusion and, for PK, the activity profile. Never contains an individual rater's answers.
 * Every text is already in Bahasa Indonesia; scores are rounded half-up to 2 decimals.
 *
 * @param status     FINAL (every eligible program has a result), PARTIAL (a conclusion, other programs still
 *                   waiting), PENDING (no conclusion yet) or NOT_ELIGIBLE (no eligible program: no report)
 * @param statusText what the status means for the reader
 * @param conclusion null while there is none
 * @param activity   null for PAK
 */
public record IndividualReport(long cycleId, String cycleName, String title, Identity participant, Status status,
        String statusText, List<ProgramState> programs, List<CompetencySection> profile, Conclusion conclusion,
        Activity activity, Instant generatedAt) {

    public IndividualReport {
        programs = List.copyOf(programs);
        profile = List.copyOf(profile);
    }

    /** Where the report stands. */
    public enum Status { FINAL, PARTIAL, PENDING, NOT_ELIGIBLE }

    /** Whom the report is about (nama, instansi, jenjang, provinsi). */
    public record Identity(long id, String name, String nip, String institution, String kind, String level,
            String levelLabel, String province, String district) {
    }

    /**
     * A program the participant is enrolled in: whether it has a result, and which rater sources are still missing
     * (codes DIRI/ATASAN/REKAN/PENGGUNA and their labels); eligible false when the training score was too low.
     */
    public record ProgramState(String code, String title, boolean eligible, boolean result, List<String> missingSources,
            List<String> missingLabels) {
        public ProgramState {
            missingSources = List.copyOf(missingSources);
            missingLabels = List.copyOf(missingLabels);
        }
    }

    /** One kompetensi (subunsur) and its subkompetensi rows. */
    public record CompetencySection(int no, String name, List<SubcompetencyRow> rows) {
        public CompetencySection {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One subkompetensi: rated (with the definisi operasional at the participant's level as explanation, the category
     * and the score), or not (explanation "Subkompetensi ini tidak termasuk dalam penilaian evaluasi kinerja",
     * category "-", score null).
     */
    public record SubcompetencyRow(int no, String name, boolean rated, String explanation, String category,
            BigDecimal score) {
    }

    /** The conclusion: score(p) rounded and its predikat. */
    public record Conclusion(BigDecimal score, String predicate) {
    }

    /**
     * The Part-1 activity profile (PK only). shown false while Part-1 forms are missing (missingLabels says whose);
     * otherwise one row per level, whether the work is ideal, and the explanation paragraphs.
     */
    public record Activity(boolean shown, List<String> missingLabels, String ownLevel, String ownLevelLabel,
            List<ActivityRow> rows, boolean ideal, int thresholdPercent, String idealLabel, String notIdealLabel,
            String idealRule, List<String> explanation) {
        public Activity {
            missingLabels = List.copyOf(missingLabels);
            rows = List.copyOf(rows);
            explanation = List.copyOf(explanation);
        }
    }

    /** A level's line of the activity profile: its label ("Pengantar Kerja Ahli Pertama"), whole count and percentage. */
    public record ActivityRow(String level, String label, int count, int percentage) {
    }
}
