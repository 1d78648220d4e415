package org.evkin.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.evkin.model.BlueprintEntry;
import org.evkin.model.Target;
import org.evkin.model.Task;
import org.junit.jupiter.api.Test;

/** Checks the bundled competency model against the counts and texts taken by hand from the 2025 report. */
class LoadedCompetencyModelTest {

    private final LoadedCompetencyModel model = LoadedCompetencyModel.fromBundledResource();

    @Test
    void hasSixCompetenciesAndFifteenSubcompetenciesInReportOrder() {
        assertEquals(6, model.competencies().size());
        assertEquals(15, model.subcompetencies().size());
        for (int i = 0; i < 15; i++) {
            assertEquals(i + 1, model.subcompetencies().get(i).no());
        }
        // Tabel 2.2: subunsur 2 has subkompetensi 2 to 11, the others one each.
        assertEquals(List.of(1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 4, 5, 6),
                model.subcompetencies().stream().map(s -> s.competency()).toList());
    }

    @Test
    void indicatorCountsPerLevelAndSubcompetencyMatchTheReport() {
        for (Map.Entry<String, int[]> expected : ReportExpectations.INDICATORS_PER_SUBCOMPETENCY.entrySet()) {
            Target target = Target.valueOf(expected.getKey());
            for (int s = 1; s <= 15; s++) {
                int count = model.blueprint(target, s).map(e -> e.indicators().size()).orElse(0);
                assertEquals(expected.getValue()[s - 1], count, target + " subkompetensi " + s);
            }
        }
    }

    @Test
    void firstIndicatorsMatchTheReportText() {
        for (Map.Entry<String, String> sample : ReportExpectations.FIRST_INDICATOR_SAMPLES.entrySet()) {
            String[] key = sample.getKey().split("/");
            BlueprintEntry entry = model.blueprint(Target.valueOf(key[0]), Integer.parseInt(key[1])).orElseThrow();
            assertEquals(sample.getValue(), entry.indicators().get(0), sample.getKey());
        }
    }

    @Test
    void taskCatalogCoversEveryPkIndicatorWithStableUniqueCodes() {
        int expected = 0;
        for (Target level : Target.pkLevels()) {
            for (int n : ReportExpectations.INDICATORS_PER_SUBCOMPETENCY.get(level.name())) {
                expected += n;
            }
        }
        assertEquals(expected, model.tasks().size());
        Set<String> codes = new HashSet<>();
        for (Task t : model.tasks()) {
            assertTrue(codes.add(t.code()), "duplicate task code " + t.code());
            assertTrue(t.level().isPkLevel());
            assertEquals(Task.codeOf(t.level(), t.subcompetency(), t.ordinal()), t.code());
            assertEquals(t, model.task(t.code()).orElseThrow());
        }
        assertEquals("AMA-03-02", Task.codeOf(Target.AHLI_MADYA, 3, 2));
        assertEquals("Mengumpulkan data jabatan sesuai format baku.", model.task("AP-02-01").orElseThrow().text());
        assertFalse(model.tasks().stream().anyMatch(t -> t.level() == Target.PAK), "PAK has no Part-1 tasks");
    }

    @Test
    void everyBlueprintCellHasAllThreeTexts() {
        for (Target t : Target.values()) {
            for (BlueprintEntry e : model.blueprint(t)) {
                assertFalse(e.characteristic().isBlank(), t + "/" + e.subcompetency());
                assertFalse(e.operationalDefinition().isBlank(), t + "/" + e.subcompetency());
                e.indicators().forEach(i -> assertFalse(i.isBlank()));
                e.indicators().forEach(i -> assertFalse(i.matches("^\\d+\\..*"), "numbering left in " + i));
                e.indicators().forEach(i -> assertFalse(i.contains("<"), "markup left in " + i));
            }
        }
    }

    @Test
    void canonicalNamesAreUsed() {
        assertEquals("Layanan Pencari Kerja Khusus", model.subcompetency(7).orElseThrow().name());
        assertEquals("Layanan Pencari Kerja", model.subcompetency(8).orElseThrow().name());
        assertEquals("Layanan Pemberi Kerja", model.subcompetency(9).orElseThrow().name());
        assertTrue(model.subcompetency(16).isEmpty());
    }

    @Test
    void anInconsistentDocumentIsRejectedWithEveryProblemNamed() {
        String json = """
                {"source":"x","competencies":[{"no":1,"name":"A"}],
                 "subcompetencies":[{"no":1,"name":"S","competency":9}],
                 "levels":[],
                 "blueprints":[{"target":"AHLI_PERTAMA","entries":[{"subcompetency":1,"characteristic":"",
                   "operationalDefinition":"d","indicators":["i"]}]}]}
                """;
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LoadedCompetencyModel.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("competency 9"), e.getMessage());
        assertTrue(e.getMessage().contains("ciri khas"), e.getMessage());
        assertTrue(e.getMessage().contains("no blueprint for PAK"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 15 entries"), e.getMessage());
    }

    @Test
    void levelsParseFromImportSpellings() {
        assertEquals(Target.AHLI_MADYA, Target.parseLevel(" ahli  madya ").orElseThrow());
        assertEquals(Target.AHLI_UTAMA, Target.parseLevel("AHLI_UTAMA").orElseThrow());
        assertTrue(Target.parseLevel("Petugas Antar Kerja").isEmpty());
        assertTrue(Target.parseLevel(null).isEmpty());
    }
}
