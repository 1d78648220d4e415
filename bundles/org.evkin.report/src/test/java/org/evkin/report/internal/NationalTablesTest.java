package org.evkin.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.evkin.instrument.InstrumentDefinition;
import org.evkin.instrument.Item;
import org.evkin.instrument.ReportTemplate;
import org.evkin.instrument.Scale;
import org.evkin.instrument.TargetKind;
import org.evkin.model.CompetencyModel;
import org.evkin.model.Target;
import org.evkin.model.internal.CompetencyModelComponent;
import org.evkin.report.IndividualReport;
import org.evkin.report.ReportTable;
import org.evkin.report.internal.CycleData.FormInfo;
import org.evkin.scoring.ScoringRules;
import org.evkin.store.CycleRecord;
import org.evkin.store.EnrolmentRecord;
import org.evkin.store.ParticipantRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The report's own rules on a tiny cycle computed by hand: evaluation, national tables, the individual report. */
class NationalTablesTest {

    private static final CompetencyModel MODEL = new CompetencyModelComponent();
    private static final String[] SOURCES = {"DIRI", "ATASAN", "REKAN", "PENGGUNA"};
    private static final InstrumentDefinition PK = definition("X-2025", TargetKind.PK, List.of(Target.AHLI_PERTAMA, Target.AHLI_MUDA),
            List.of(5, 7), List.of(item("X-AP-05", 5, Target.AHLI_PERTAMA), item("X-AP-07", 7, Target.AHLI_PERTAMA),
                    item("X-AMU-05", 5, Target.AHLI_MUDA), item("X-AMU-07", 7, Target.AHLI_MUDA)));
    private static final InstrumentDefinition PAK = definition("Y-2025", TargetKind.PAK, List.of(Target.PAK), List.of(3),
            List.of(item("Y-PAK-03", 3, Target.PAK)));

    private static final Map<Long, List<FormInfo>> FORMS = new HashMap<>();
    private static final Map<Long, List<EnrolmentRecord>> ENROLMENTS = new HashMap<>();
    private static final List<ParticipantRecord> PEOPLE = new ArrayList<>();
    private static long nextForm = 1;
    private static List<ReportTable> tables;
    private static CycleData data;

    @BeforeAll
    static void cycle() {
        // P1, Ahli Pertama, Jawa Barat: s5 = (4+3+4+3)/4 = 3.5, s7 = 3 → score 3.25 (Baik, Berkinerja Tinggi); no Part 1
        person(1, "AHLI_PERTAMA", "Jawa Barat", "X-2025", true);
        part2(1, "X-2025", new int[][] {{5, 4, 1}, {7, 3, 1}}, new int[][] {{5, 3, 1}, {7, 3, 1}}, new int[][] {{5, 8, 2}, {7, 3, 1}},
                new int[][] {{5, 3, 1}, {7, 3, 1}});
        // P2, Ahli Pertama, Jawa Barat: all 4 → 4 (Sangat Baik); Part 1 by all three: DIRI ticks s2 at AP twice and AMU
        // once, ATASAN s2 at AP once and s10 at AMU once, REKAN s10 at AMU twice
        person(2, "AHLI_PERTAMA", "Jawa Barat", "X-2025", true);
        part2(2, "X-2025", all(4), all(4), all(4), all(4));
        part1(2, "DIRI", new int[][] {{2, 1, 2}, {2, 2, 1}});
        part1(2, "ATASAN", new int[][] {{2, 1, 1}, {10, 2, 1}});
        part1(2, "REKAN", new int[][] {{10, 2, 2}});
        // P3, Ahli Muda, DIY: PENGGUNA missing → no result, no conclusion
        person(3, "AHLI_MUDA", "Daerah Istimewa Yogyakarta", "X-2025", true);
        part2(3, "X-2025", all(2), all(2), all(2), null);
        // P4, Ahli Muda, DIY: not eligible
        person(4, "AHLI_MUDA", "Daerah Istimewa Yogyakarta", "X-2025", false);
        // P5, PAK, Aceh: s3 = 3 from everybody, PENGGUNA's only answer "tidak dapat menilai" → 3 (Baik)
        person(5, null, "Aceh", "Y-2025", true);
        part2(5, "Y-2025", new int[][] {{3, 3, 1}}, new int[][] {{3, 3, 1}}, new int[][] {{3, 3, 1}}, new int[][] {{3, 0, 0}});
        data = new CycleData(new CycleRecord(1, "Uji", Instant.now(), "admin"), PEOPLE, ENROLMENTS, FORMS);
        Evaluator evaluator = new Evaluator(ScoringRules.DEFAULT, (code, version) -> code.equals("X-2025") ? PK : PAK);
        List<Evaluation> evaluations = PEOPLE.stream().map(p -> evaluator.evaluate(data, p, null).slim()).toList();
        tables = new NationalTables(MODEL, ScoringRules.DEFAULT.bands()).all(evaluations);
    }

    @Test
    void targetsCountEnrolledEligibleAndResults() {
        assertEquals(List.of(Arrays.asList(1, "X-2025", "Program X-2025", 4, 3, 2)), table("3.1").rows());
        assertEquals(Arrays.asList(null, "TOTAL", null, 4, 3, 2), table("3.1").total());
        assertEquals(List.of(Arrays.asList(1, "Y-2025", "Program Y-2025", 1, 1, 1)), table("3.10").rows());
    }

    @Test
    void respondentsMeansAndPredikat() {
        assertEquals(List.of(List.of("Ahli Pertama", 2), List.of("Ahli Muda", 0), List.of("Ahli Madya", 0), List.of("Ahli Utama", 0)),
                table("3.2").rows());
        assertEquals(Arrays.asList(1, "X-2025", "Program X-2025", 2, 0, 0, 0, 2), table("3.3").rows().get(0));
        // (3.25 + 4) / 2 = 3.625 → 3.63 half-up
        assertEquals(Arrays.asList(1, "X-2025", "Program X-2025", new BigDecimal("3.63"), null, null, null), table("3.4").rows().get(0));
        assertEquals(List.of("Berkinerja Sangat Tinggi", 1, 50), table("3.5").rows().get(0));
        assertEquals(List.of("Berkinerja Tinggi", 1, 50), table("3.5").rows().get(1));
        assertEquals(Arrays.asList("TOTAL", 2, 100), table("3.5").total());
        assertEquals(List.of("Ahli Pertama", 1, 1, 0, 0, 0, 2), table("3.6").rows().get(0));
        assertEquals(List.of(List.of(1, "Jawa Barat", 1, 1, 0, 0, 0, 2)), table("3.7").rows(), "DIY has nobody with a conclusion");
        assertEquals(List.of(List.of(1, "Aceh", 0, 1, 0, 0, 0, 1)), table("3.12").rows());
        assertEquals(List.of("Berkinerja Tinggi", 1, 100), table("3.11").rows().get(1));
    }

    @Test
    void taskMappingAveragesTheThreeSourcesAndSharesTicksByLevel() {
        // s2 at AP: DIRI and ATASAN saw P2 do a task of s2, REKAN did not → (1+1+0)/3 = 0.67 → 1
        assertEquals(List.of(2, "Analisis Jabatan", 1, 0, 0, 0), table("3.8").rows().get(1));
        // s10 at AP: ATASAN and REKAN → 2/3 → 1; s1: nobody → 0
        assertEquals(1, table("3.8").rows().get(9).get(2));
        assertEquals(0, table("3.8").rows().get(0).get(2));
        // Tabel 3.9, s2 × respondents Ahli Pertama: ticks AP 3, AMU 1 → 75 %, 25 %, AMA 0 %; the catalog has no AU task of s2
        List<Object> s2 = table("3.9").rows().get(4);
        assertEquals(Arrays.asList(2, "Analisis Jabatan", "Ahli Pertama", 1, 75, 25, 0, null), s2);
        // s1 has no Ahli Pertama task in the catalog: that cell is empty, the others 0 %
        assertEquals(Arrays.asList(1, "Perencanaan Pelaksanaan Antar Kerja", "Ahli Pertama", 0, null, 0, 0, 0), table("3.9").rows().get(0));
        assertEquals(60, table("3.9").rows().size());
    }

    @Test
    void thePakProfileCategorisesTheNationalMean() {
        ReportTable g = table("G3.1");
        assertEquals("Baik", g.rows().get(2).get(3));
        assertEquals(new BigDecimal("3.00"), g.rows().get(2).get(4));
        assertEquals("Subkompetensi ini tidak termasuk dalam penilaian evaluasi kinerja", g.rows().get(0).get(2));
        assertNull(g.rows().get(0).get(4));
        assertEquals(Arrays.asList("KESIMPULAN", null, null, "Berkinerja Tinggi", new BigDecimal("3.00")), g.total());
    }

    @Test
    void individualReportsShowCategoriesOrWhatIsMissing() {
        Evaluator evaluator = new Evaluator(ScoringRules.DEFAULT, (code, version) -> code.equals("X-2025") ? PK : PAK);
        IndividualReports reports = new IndividualReports(MODEL);
        IndividualReport p1 = reports.build(data.cycle(), evaluator.evaluate(data, PEOPLE.get(0), null), Instant.now());
        assertEquals(IndividualReport.Status.FINAL, p1.status());
        assertEquals(new BigDecimal("3.25"), p1.conclusion().score());
        assertEquals("Berkinerja Tinggi", p1.conclusion().predicate());
        IndividualReport.SubcompetencyRow s5 = p1.profile().get(1).rows().get(3);
        assertEquals(5, s5.no());
        assertEquals("Sangat Baik", s5.category());
        assertEquals(new BigDecimal("3.50"), s5.score());
        assertEquals("-", p1.profile().get(0).rows().get(0).category());
        assertEquals(false, p1.activity().shown(), "no Part-1 form submitted");
        assertEquals(List.of("Diri sendiri", "Atasan langsung", "Rekan kerja"), p1.activity().missingLabels());

        IndividualReport p2 = reports.build(data.cycle(), evaluator.evaluate(data, PEOPLE.get(1), null), Instant.now());
        // activity: DIRI 2 AP + 1 AMU, ATASAN 1 AP + 1 AMU, REKAN 2 AMU → means AP 1, AMU 4/3 → 1; 43 % and 57 %
        assertEquals(List.of(1, 1, 0, 0), p2.activity().rows().stream().map(IndividualReport.ActivityRow::count).toList());
        assertEquals(List.of(43, 57, 0, 0), p2.activity().rows().stream().map(IndividualReport.ActivityRow::percentage).toList());
        assertEquals(false, p2.activity().ideal());

        IndividualReport p3 = reports.build(data.cycle(), evaluator.evaluate(data, PEOPLE.get(2), null), Instant.now());
        assertEquals(IndividualReport.Status.PENDING, p3.status());
        assertNull(p3.conclusion());
        assertEquals(List.of("PENGGUNA"), p3.programs().get(0).missingSources());
        assertEquals("-", p3.profile().get(1).rows().get(3).category(), "no category while pending");

        IndividualReport p4 = reports.build(data.cycle(), evaluator.evaluate(data, PEOPLE.get(3), null), Instant.now());
        assertEquals(IndividualReport.Status.NOT_ELIGIBLE, p4.status());
        assertNull(p4.activity());
    }

    @Test
    void aTemplateOverridesWeightsBandsAndTheThresholdOfItsProgram() {
        InstrumentDefinition weighted = new InstrumentDefinition("X-2025", "1.0.0", "Program X-2025", "Direktorat", LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 1, 2), "Januari 2025", "", TargetKind.PK, PK.levels(), PK.battery(), PK.scale(), PK.items(),
                new ReportTemplate("t", "i", "c", List.of(new org.evkin.instrument.Band(new BigDecimal("3.00"), "Prima", "Berkinerja Prima"),
                        new org.evkin.instrument.Band(new BigDecimal("1.00"), "Biasa", "Berkinerja Biasa")),
                        Map.of("DIRI", BigDecimal.ONE, "ATASAN", new BigDecimal("3"), "REKAN", BigDecimal.ONE, "PENGGUNA", BigDecimal.ONE),
                        new BigDecimal("0.40")), "y");
        Evaluator evaluator = new Evaluator(ScoringRules.DEFAULT, (code, version) -> weighted);
        Evaluation p1 = evaluator.evaluate(data, PEOPLE.get(0), null);
        // s5: (4 + 3·3 + 4 + 3) / 6 = 10/3, s7: 3 → (10/3 + 3) / 2 = 19/6 = 3.1667
        assertEquals(new BigDecimal("3.17"), p1.result().score().get().roundHalfUp(2));
        assertEquals("Berkinerja Prima", p1.conclusion().predicate(), "the program's own bands decide its participant's predikat");
        Evaluation p2 = evaluator.evaluate(data, PEOPLE.get(1), null);
        // activity of P2: own level share 3/7 = 0.43 ≥ 0.40 → ideal under the program's threshold (not under 0.75)
        assertEquals(true, p2.activity().ideal());
    }

    @Test
    void badScoringSettingsAreRefusedByName() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ScoringSettings.weights("DIRI=1, ATASAN=1, REKAN=1"));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("weights:"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ScoringSettings.bands("3.41|Sangat Baik"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ScoringSettings.bands("3.41|A|B; 2.00|C|D"),
                "the lowest band must start at 1.00 or below");
        assertEquals(5, ScoringSettings.bands("3.41|Sangat Baik|Berkinerja Sangat Tinggi; 2.81|Baik|Berkinerja Tinggi;"
                + " 2.21|Cukup|Berkinerja Sedang; 1.61|Kurang|Berkinerja Rendah; 1.00|Sangat Kurang|Berkinerja Sangat Rendah").list().size());
    }

    private static ReportTable table(String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    private static void person(long id, String level, String province, String program, boolean eligible) {
        PEOPLE.add(new ParticipantRecord(id, "k" + id, null, id + "@example.com", "Peserta " + id, null, level == null ? "PAK" : "PK",
                level, "Disnaker", province, null, null, null));
        ENROLMENTS.put(id, List.of(new EnrolmentRecord(id, 1, id, program, new BigDecimal(eligible ? "80" : "60"), eligible,
                eligible ? null : "nilai", "1.0.0")));
    }

    /** Part-2 forms of the four sources: {subkompetensi, sum, count} per subkompetensi; null = not submitted. */
    private static void part2(long participant, String program, int[][]... bySource) {
        for (int i = 0; i < SOURCES.length; i++) {
            if (bySource[i] == null) {
                continue;
            }
            FormInfo f = new FormInfo(nextForm++, SOURCES[i], 2, program, "1.0.0", true);
            for (int[] t : bySource[i]) {
                f.counts()[CycleData.sumIndex(t[0])] = (short) t[1];
                f.counts()[CycleData.countIndex(t[0])] = (short) t[2];
            }
            FORMS.computeIfAbsent(participant, k -> new ArrayList<>()).add(f);
        }
    }

    private static int[][] all(int value) {
        return new int[][] {{5, value, 1}, {7, value, 1}};
    }

    /** A submitted Part-1 form: {subkompetensi, level rank, ticks}. */
    private static void part1(long participant, String source, int[][] ticks) {
        FormInfo f = new FormInfo(nextForm++, source, 1, "", null, true);
        for (int[] t : ticks) {
            f.counts()[CycleData.tickIndex(t[0], t[1])] = (short) t[2];
        }
        FORMS.computeIfAbsent(participant, k -> new ArrayList<>()).add(f);
    }

    private static Item item(String code, int s, Target level) {
        return new Item(code, s, level, "Saya", "Yang bersangkutan");
    }

    private static InstrumentDefinition definition(String code, TargetKind kind, List<Target> levels, List<Integer> battery, List<Item> items) {
        return new InstrumentDefinition(code, "1.0.0", "Program " + code, "Direktorat", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 2),
                "Januari 2025", "", kind, levels, battery, new Scale(Map.of(1, "a", 2, "b", 3, "c", 4, "d"), "Tidak dapat menilai"), items,
                new ReportTemplate("t", "i", "c", List.of()), "x");
    }
}
