package org.evkin.instrument.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.evkin.instrument.internal.Descriptors.assertHasProblem;
import static org.evkin.instrument.internal.Descriptors.assertOnlyProblem;
import static org.evkin.instrument.internal.Descriptors.battery;
import static org.evkin.instrument.internal.Descriptors.bytes;
import static org.evkin.instrument.internal.Descriptors.categories;
import static org.evkin.instrument.internal.Descriptors.compact;
import static org.evkin.instrument.internal.Descriptors.item;
import static org.evkin.instrument.internal.Descriptors.items;
import static org.evkin.instrument.internal.Descriptors.levels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.evkin.instrument.Band;
import org.evkin.instrument.DeploymentProblem.Problem;
import org.evkin.instrument.InstrumentDefinition;
import org.evkin.instrument.Item;
import org.evkin.instrument.TargetKind;
import org.evkin.model.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DescriptorReaderTest {

    private final DescriptorReader reader = Descriptors.reader();

    private DescriptorReader.Result read(JsonNode descriptor) {
        return reader.read(bytes(descriptor));
    }

    private DescriptorReader.Result read(String text) {
        return reader.read(text.getBytes(UTF_8));
    }

    private static List<String> codes(List<Item> items) {
        return items.stream().map(Item::code).toList();
    }

    // ---------------------------------------------------------------- valid descriptors

    @Test
    void compactDescriptorReadsWithEveryField() {
        byte[] bytes = bytes(compact());
        DescriptorReader.Result r = reader.read(bytes);

        assertTrue(r.ok(), () -> r.problems().toString());
        assertEquals(List.of(), r.problems());
        assertEquals("TEST-PROGRAM-2025", r.code());
        assertEquals("1.2.3", r.version());
        InstrumentDefinition d = r.definition();
        assertNotNull(d);
        assertEquals("TEST-PROGRAM-2025", d.code());
        assertEquals("1.2.3", d.version());
        assertEquals("Program Uji", d.title());
        assertEquals("Direktorat Uji", d.organizer());
        assertEquals(LocalDate.of(2025, 9, 1), d.trainingStart());
        assertEquals(LocalDate.of(2025, 10, 31), d.trainingEnd());
        assertEquals("September–Oktober 2025", d.schedule());
        assertEquals("Program untuk pengujian.", d.description());
        assertEquals(TargetKind.PK, d.targetKind());
        assertEquals(List.of(Target.AHLI_PERTAMA, Target.AHLI_MUDA), d.levels());
        assertEquals(List.of(5, 8, 14), d.battery());
        assertEquals(Map.of(1, "Tidak pernah", 2, "Kadang-kadang", 3, "Sering", 4, "Selalu"), d.scale().labels());
        assertEquals("Tidak dapat menilai", d.scale().notObserved());
        assertEquals(6, d.items().size());
        assertEquals(new Item("UJI-AP-05-01", 5, Target.AHLI_PERTAMA, "Saya AP 5.", "Ybs AP 5."), d.items().get(0));
        assertEquals("Laporan Uji", d.report().title());
        assertEquals("Pengantar.", d.report().intro());
        assertEquals("Penutup.", d.report().closing());
        assertEquals(List.of(), d.report().bands(), "no categories: the platform's default bands");
        assertEquals(Descriptors.sha256Hex(bytes), d.checksum());
        assertEquals(64, d.checksum().length());
    }

    @Test
    void compactDescriptorGroupsItemsAndBatteryByLevel() {
        InstrumentDefinition d = read(compact()).definition();

        assertEquals(List.of("UJI-AP-05-01", "UJI-AP-08-01"), codes(d.itemsFor(Target.AHLI_PERTAMA)));
        assertEquals(List.of("UJI-AMU-05-01", "UJI-AMU-05-02", "UJI-AMU-08-01", "UJI-AMU-14-01"),
                codes(d.itemsFor(Target.AHLI_MUDA)));
        assertEquals(List.of(), d.itemsFor(Target.AHLI_MADYA));
        assertEquals(List.of(5, 8), d.batteryAt(Target.AHLI_PERTAMA), "14 does not exist at Ahli Pertama");
        assertEquals(List.of(5, 8, 14), d.batteryAt(Target.AHLI_MUDA));
        assertEquals(List.of(), d.batteryAt(Target.AHLI_UTAMA));
        assertTrue(d.covers(Target.AHLI_MUDA));
        assertFalse(d.covers(Target.AHLI_MADYA));
        assertFalse(d.covers(Target.PAK));
    }

    @Test
    void textIsStrippedAndOptionalFieldsMayBeAbsent() {
        ObjectNode d = compact();
        d.put("title", "  Program Uji \n");
        d.remove("description");
        ((ObjectNode) d.get("training")).remove("schedule");
        ((ObjectNode) d.get("report")).remove("intro");
        ((ObjectNode) d.get("report")).remove("closing");
        d.remove("$schema");

        InstrumentDefinition def = read(d).definition();

        assertNotNull(def);
        assertEquals("Program Uji", def.title());
        assertNull(def.description());
        assertNull(def.schedule());
        assertNull(def.report().intro());
        assertNull(def.report().closing());
    }

    @Test
    void reportCategoriesBecomeBandsWithTwoDecimals() {
        ObjectNode d = compact();
        ((ObjectNode) d.get("report")).set("categories", categories("3.41", "2.5", "1"));

        InstrumentDefinition def = read(d).definition();

        assertNotNull(def);
        assertEquals(List.of(new Band(new BigDecimal("3.41"), "Kategori 3.41", "Predikat 3.41"),
                new Band(new BigDecimal("2.50"), "Kategori 2.5", "Predikat 2.5"),
                new Band(new BigDecimal("1.00"), "Kategori 1", "Predikat 1")), def.report().bands());
    }

    @Test
    void publishedCopBisindoReads() {
        byte[] bytes = Descriptors.publishedBytes("cop-bisindo-2025");
        DescriptorReader.Result r = reader.read(bytes);

        assertTrue(r.ok(), () -> r.problems().toString());
        InstrumentDefinition d = r.definition();
        assertEquals("COP-BISINDO-2025", d.code());
        assertEquals("1.0.0", d.version());
        assertEquals(TargetKind.PK, d.targetKind());
        assertEquals(List.of(Target.AHLI_PERTAMA, Target.AHLI_MUDA, Target.AHLI_MADYA), d.levels());
        assertEquals(List.of(5, 7, 8), d.battery());
        assertEquals(27, d.items().size());
        for (Target level : d.levels()) {
            assertEquals(9, d.itemsFor(level).size(), level::name);
            assertEquals(List.of(5, 7, 8), d.batteryAt(level), level::name);
        }
        assertEquals(List.of(), d.itemsFor(Target.AHLI_UTAMA));
        assertEquals("BISINDO-AMU-07-02", d.itemsFor(Target.AHLI_MUDA).get(4).code());
        assertEquals(Descriptors.sha256Hex(bytes), d.checksum());
    }

    @Test
    void publishedPakDescriptorReadsWithLevelPak() {
        byte[] bytes = Descriptors.publishedBytes("bimtek-pak-wonogiri-2025");
        DescriptorReader.Result r = reader.read(bytes);

        assertTrue(r.ok(), () -> r.problems().toString());
        InstrumentDefinition d = r.definition();
        assertEquals("BIMTEK-PAK-WONOGIRI-2025", d.code());
        assertEquals(TargetKind.PAK, d.targetKind());
        assertEquals(List.of(Target.PAK), d.levels());
        assertEquals(List.of(3, 4, 5, 6, 7, 8, 9, 10, 11), d.battery());
        assertEquals(27, d.items().size());
        assertEquals(27, d.itemsFor(Target.PAK).size());
        assertEquals(d.battery(), d.batteryAt(Target.PAK));
        assertTrue(d.covers(Target.PAK));
        assertFalse(d.covers(Target.AHLI_PERTAMA));
        assertEquals(Descriptors.sha256Hex(bytes), d.checksum());
    }

    @Test
    void checksumChangesWithAnyByte() {
        byte[] pretty = bytes(compact());
        byte[] compactBytes = compact().toString().getBytes(UTF_8);

        String a = reader.read(pretty).definition().checksum();
        String b = reader.read(compactBytes).definition().checksum();

        assertFalse(a.equals(b), "same content, other bytes: other checksum");
        assertEquals(Descriptors.sha256Hex(compactBytes), b);
    }

    @Test
    void versionsOrderNumerically() {
        assertTrue(DescriptorReader.versionOrder("1.10.0") > DescriptorReader.versionOrder("1.9.0"));
        assertTrue(DescriptorReader.versionOrder("2.0.0") > DescriptorReader.versionOrder("1.999999.999999"));
        assertTrue(DescriptorReader.versionOrder("1.0.10") > DescriptorReader.versionOrder("1.0.9"));
        assertEquals(0, DescriptorReader.versionOrder("0.0.0"));
    }

    // ---------------------------------------------------------------- the whole file

    @Test
    void invalidJsonIsReportedAtTheRootWithLineAndColumn() {
        DescriptorReader.Result r = read("{\n  \"code\": \"TEST-PROGRAM-2025\",\n  \"version\" \"1.0.0\"\n}");

        assertOnlyProblem(r, "$", "not valid JSON at line 3, column ");
        assertNull(r.code());
        assertNull(r.version());
    }

    @Test
    void duplicateJsonKeyIsInvalidJson() {
        DescriptorReader.Result r = read("{ \"code\": \"A-1\", \"code\": \"B-2\" }");

        assertOnlyProblem(r, "$", "Duplicate field 'code'");
    }

    @Test
    void truncatedFileIsInvalidJson() {
        String json = new String(bytes(compact()), UTF_8);

        assertOnlyProblem(read(json.substring(0, json.length() / 2)), "$", "not valid JSON");
    }

    @Test
    void trailingContentAfterTheObjectIsInvalidJson() {
        String json = new String(bytes(compact()), UTF_8) + "\n}";

        assertOnlyProblem(read(json), "$", "not valid JSON");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"[1, 2]", "\"text\"", "42", "null", "", "   "})
    void notAnObjectIsRejectedAtTheRoot(String json) {
        assertOnlyProblem(read(json), "$", "must be a JSON object");
    }

    // ---------------------------------------------------------------- required fields

    @ParameterizedTest(name = "missing {0}")
    @CsvSource({
        "code,         is required",
        "version,      is required",
        "title,        is required",
        "organizer,    is required",
        "training,     is required",
        "target,       is required",
        "battery,      a non-empty list of subkompetensi numbers (1-15) is required",
        "scale,        is required",
        "items,        a non-empty list of items is required",
        "report,       is required"})
    void missingRequiredFieldIsReportedAtItsPath(String field, String message) {
        ObjectNode d = compact();
        d.remove(field);

        assertHasProblem(read(d), "$." + field, message);
    }

    @ParameterizedTest(name = "missing {0}")
    @ValueSource(strings = {"code", "version", "title", "organizer", "training", "scale", "report"})
    void missingSimpleRequiredFieldIsTheOnlyProblem(String field) {
        ObjectNode d = compact();
        d.remove(field);

        assertOnlyProblem(read(d), "$." + field, "is required");
    }

    @ParameterizedTest(name = "missing {0}")
    @CsvSource({
        "/training/start,    $.training.start,      a date (YYYY-MM-DD) is required",
        "/training/end,      $.training.end,        a date (YYYY-MM-DD) is required",
        "/scale/labels,      $.scale.labels,        is required",
        "/scale/notObserved, $.scale.notObserved,   is required",
        "/report/title,      $.report.title,        is required",
        "/items/3/code,      $.items[3].code,       is required",
        "/items/3/subcompetency, $.items[3].subcompetency, a subkompetensi number (1-15) is required",
        "/items/3/level,     $.items[3].level,      is required"})
    void missingNestedRequiredFieldIsReportedAtItsPath(String pointer, String path, String message) {
        ObjectNode d = compact();
        int slash = pointer.lastIndexOf('/');
        ((ObjectNode) d.at(pointer.substring(0, slash))).remove(pointer.substring(slash + 1));

        assertOnlyProblem(read(d), path, message);
    }

    @Test
    void missingTargetKindIsRequired() {
        ObjectNode d = compact();
        ((ObjectNode) d.get("target")).remove("kind");

        assertHasProblem(read(d), "$.target.kind", "is required");
    }

    @Test
    void requiredTextThatIsNotTextIsRejected() {
        ObjectNode d = compact();
        d.put("title", 42);

        assertOnlyProblem(read(d), "$.title", "must be text");
    }

    @Test
    void requiredObjectThatIsNotAnObjectIsRejected() {
        ObjectNode d = compact();
        d.put("training", "September 2025");

        assertOnlyProblem(read(d), "$.training", "must be an object");
    }

    @Test
    void blankRequiredTextIsRejected() {
        ObjectNode d = compact();
        d.put("organizer", "   ");

        assertOnlyProblem(read(d), "$.organizer", "must not be empty");
    }

    // ---------------------------------------------------------------- code and version

    @ParameterizedTest(name = "code {0}")
    @ValueSource(strings = {"cop-bisindo-2025", "AB", "-COP-2025", "COP_2025", "COP 2025", "KODE-ÜJI"})
    void badCodePatternIsRejected(String code) {
        ObjectNode d = compact();
        d.put("code", code);

        DescriptorReader.Result r = read(d);

        assertOnlyProblem(r, "$.code", "must be 3-64 capital letters, digits or '-'");
        assertNull(r.code(), "an invalid code is not handed on");
    }

    @Test
    void codeLongerThan64IsRejected() {
        ObjectNode d = compact();
        d.put("code", "A".repeat(65));

        assertOnlyProblem(read(d), "$.code", "must be 3-64 capital letters");
    }

    @ParameterizedTest(name = "version {0}")
    @ValueSource(strings = {"1.0", "1.0.0.0", "01.0.0", "1.0.0-SNAPSHOT", "v1.0.0", "1234567.0.0", "1.0.x"})
    void badVersionIsRejected(String version) {
        ObjectNode d = compact();
        d.put("version", version);

        DescriptorReader.Result r = read(d);

        assertOnlyProblem(r, "$.version", "must be major.minor.micro");
        assertNull(r.version());
        assertNull(r.code(), "code and version are handed on only together");
    }

    @Test
    void rejectedDescriptorStillNamesItsProgramWhenCodeAndVersionAreValid() {
        ObjectNode d = compact();
        d.remove("title");

        DescriptorReader.Result r = read(d);

        assertFalse(r.ok());
        assertNull(r.definition());
        assertEquals("TEST-PROGRAM-2025", r.code());
        assertEquals("1.2.3", r.version());
    }

    // ---------------------------------------------------------------- training

    @Test
    void trainingEndingBeforeItStartsIsRejected() {
        ObjectNode d = compact();
        ((ObjectNode) d.get("training")).put("end", "2025-08-31");

        assertOnlyProblem(read(d), "$.training.end", "ends before it starts (2025-09-01)");
    }

    @Test
    void oneDayTrainingIsFine() {
        ObjectNode d = compact();
        ((ObjectNode) d.get("training")).put("end", "2025-09-01");

        assertTrue(read(d).ok());
    }

    @ParameterizedTest(name = "start {0}")
    @ValueSource(strings = {"2025-02-30", "1 September 2025", "2025-9-1", "01-09-2025", "2025-09-01T08:00"})
    void badDateIsRejected(String date) {
        ObjectNode d = compact();
        ((ObjectNode) d.get("training")).put("start", date);

        assertOnlyProblem(read(d), "$.training.start", "'" + date + "' is not a date (YYYY-MM-DD)");
    }

    @Test
    void dateThatIsNotTextIsRejected() {
        ObjectNode d = compact();
        ((ObjectNode) d.get("training")).put("start", 20250901);

        assertOnlyProblem(read(d), "$.training.start", "a date (YYYY-MM-DD) is required");
    }

    // ---------------------------------------------------------------- target

    @Test
    void unknownTargetKindIsRejected() {
        ObjectNode d = compact();
        ((ObjectNode) d.get("target")).put("kind", "PENGANTAR_KERJA");

        assertHasProblem(read(d), "$.target.kind", "must be PK or PAK, not 'PENGANTAR_KERJA'");
    }

    @Test
    void pkWithoutLevelsIsRejected() {
        ObjectNode d = compact();
        ((ObjectNode) d.get("target")).remove("levels");

        assertHasProblem(read(d), "$.target.levels", "a PK instrument needs a non-empty list of levels");
    }

    @Test
    void pkWithEmptyLevelsIsRejected() {
        ObjectNode d = compact();
        levels(d).removeAll();

        assertHasProblem(read(d), "$.target.levels", "a PK instrument needs a non-empty list of levels");
    }

    @Test
    void unknownLevelIsRejected() {
        ObjectNode d = compact();
        levels(d).add("AHLI_SENIOR");

        assertOnlyProblem(read(d), "$.target.levels[2]", "unknown level 'AHLI_SENIOR'");
    }

    @Test
    void pakIsNotAPkLevel() {
        ObjectNode d = compact();
        levels(d).add("PAK");

        assertOnlyProblem(read(d), "$.target.levels[2]", "unknown level 'PAK'");
    }

    @Test
    void duplicateLevelIsRejected() {
        ObjectNode d = compact();
        levels(d).add("AHLI_PERTAMA");

        assertOnlyProblem(read(d), "$.target.levels[2]", "level AHLI_PERTAMA is listed twice");
    }

    @Test
    void pakWithLevelsIsRejected() {
        ObjectNode d = Descriptors.published("bimtek-pak-wonogiri-2025");
        ((ObjectNode) d.get("target")).putArray("levels").add("AHLI_PERTAMA");

        assertOnlyProblem(read(d), "$.target.levels", "a PAK instrument has no levels");
    }

    @Test
    void unknownPropertyInTargetIsRejected() {
        ObjectNode d = compact();
        ((ObjectNode) d.get("target")).put("jenjang", "AHLI_MUDA");

        assertOnlyProblem(read(d), "$.target.jenjang", "unknown property");
    }

    // ---------------------------------------------------------------- battery

    @ParameterizedTest(name = "battery entry {0}")
    @ValueSource(ints = {16, 0, -5})
    void unknownSubkompetensiInBatteryIsRejected(int no) {
        ObjectNode d = compact();
        battery(d).add(no);

        assertOnlyProblem(read(d), "$.battery[3]", "unknown subkompetensi " + no + " (1-15)");
    }

    @Test
    void batteryEntryThatIsNotAnIntegerIsRejected() {
        ObjectNode d = compact();
        battery(d).add("9");

        assertOnlyProblem(read(d), "$.battery[3]", "unknown subkompetensi \"9\"");
    }

    @Test
    void duplicateBatteryEntryIsRejected() {
        ObjectNode d = compact();
        battery(d).add(8);

        assertOnlyProblem(read(d), "$.battery[3]", "subkompetensi 8 is listed twice");
    }

    @Test
    void emptyBatteryIsRejected() {
        ObjectNode d = compact();
        battery(d).removeAll();

        assertHasProblem(read(d), "$.battery", "a non-empty list of subkompetensi numbers (1-15) is required");
    }

    // ---------------------------------------------------------------- unknown properties

    @Test
    void unknownPropertyAtRootIsRejected() {
        ObjectNode d = compact();
        d.put("organiser", "Direktorat Uji");

        DescriptorReader.Result r = read(d);

        assertOnlyProblem(r, "$.organiser", "unknown property (allowed: ");
        assertTrue(r.problems().get(0).message().contains("organizer"), "names the allowed properties");
    }

    @Test
    void unknownPropertyInAnItemIsRejected() {
        ObjectNode d = compact();
        ((ObjectNode) items(d).get(1)).put("weight", 2);

        assertOnlyProblem(read(d), "$.items[1].weight", "unknown property");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/training,       venue,   $.training.venue",
        "/scale,          default, $.scale.default",
        "/scale/labels,   5,       $.scale.labels.5",
        "/report,         footer,  $.report.footer"})
    void unknownPropertyInANestedObjectIsRejected(String pointer, String property, String path) {
        ObjectNode d = compact();
        ((ObjectNode) d.at(pointer)).put(property, "x");

        assertOnlyProblem(read(d), path, "unknown property");
    }

    // ---------------------------------------------------------------- items

    @Test
    void emptyItemsAreRejected() {
        ObjectNode d = compact();
        items(d).removeAll();

        assertHasProblem(read(d), "$.items", "a non-empty list of items is required");
    }

    @Test
    void itemThatIsNotAnObjectIsRejected() {
        ObjectNode d = compact();
        items(d).add("UJI-AMU-05-03");

        assertOnlyProblem(read(d), "$.items[6]", "must be an object");
    }

    @Test
    void duplicateItemCodeIsReportedAtTheSecondNamingTheFirst() {
        ObjectNode d = compact();
        ((ObjectNode) items(d).get(4)).put("code", "UJI-AP-08-01");

        assertOnlyProblem(read(d), "$.items[4].code", "duplicate item code UJI-AP-08-01 (also $.items[1])");
    }

    @Test
    void badItemCodePatternIsRejected() {
        ObjectNode d = compact();
        ((ObjectNode) items(d).get(2)).put("code", "uji-amu-05-01");

        assertOnlyProblem(read(d), "$.items[2].code", "must be 3-64 capital letters, digits or '-'");
    }

    @Test
    void itemSubkompetensiNotInBatteryIsRejected() {
        ObjectNode d = compact();
        items(d).add(item("UJI-AMU-07-01", 7, "AHLI_MUDA"));

        assertOnlyProblem(read(d), "$.items[6].subcompetency", "subkompetensi 7 is not in the battery [5, 8, 14]");
    }

    @Test
    void unknownSubkompetensiInAnItemIsRejected() {
        ObjectNode d = compact();
        items(d).add(item("UJI-AMU-16-01", 16, "AHLI_MUDA"));

        assertOnlyProblem(read(d), "$.items[6].subcompetency", "unknown subkompetensi 16 (1-15)");
    }

    @Test
    void itemSubkompetensiThatIsNotAnIntegerIsRejected() {
        ObjectNode d = compact();
        ((ObjectNode) items(d).get(3)).put("subcompetency", "5");

        assertOnlyProblem(read(d), "$.items[3].subcompetency", "a subkompetensi number (1-15) is required");
    }

    @Test
    void itemLevelNotAmongTargetLevelsIsRejected() {
        ObjectNode d = compact();
        items(d).add(item("UJI-AMA-05-01", 5, "AHLI_MADYA"));

        assertOnlyProblem(read(d), "$.items[6].level",
                "level AHLI_MADYA is not among the target levels [AHLI_PERTAMA, AHLI_MUDA]");
    }

    @Test
    void unknownItemLevelIsRejected() {
        ObjectNode d = compact();
        ((ObjectNode) items(d).get(3)).put("level", "Ahli Muda");

        assertOnlyProblem(read(d), "$.items[3].level", "unknown level 'Ahli Muda'");
    }

    @Test
    void pakItemInPkInstrumentIsRejected() {
        ObjectNode d = compact();
        items(d).add(item("UJI-PAK-05-01", 5, "PAK"));

        assertOnlyProblem(read(d), "$.items[6].level", "unknown level 'PAK'");
    }

    @Test
    void pkItemInPakInstrumentIsRejected() {
        ObjectNode d = Descriptors.published("bimtek-pak-wonogiri-2025");
        ((ObjectNode) items(d).get(0)).put("level", "AHLI_MUDA");

        assertOnlyProblem(read(d), "$.items[0].level", "must be PAK in a PAK instrument");
    }

    @Test
    void itemForALevelWhereItsSubkompetensiDoesNotExistIsRejected() {
        // Bimbingan Jabatan (5) has no blueprint cell at Ahli Utama; 14 does, so it gets an item to stay covered.
        ObjectNode d = compact();
        levels(d).add("AHLI_UTAMA");
        items(d).add(item("UJI-AU-14-01", 14, "AHLI_UTAMA"));
        items(d).add(item("UJI-AU-05-01", 5, "AHLI_UTAMA"));

        assertOnlyProblem(read(d), "$.items[7]",
                "subkompetensi 5 (Bimbingan Jabatan) does not exist at Ahli Utama: its blueprint cell is empty");
    }

    @Test
    void itemForSubkompetensiOutsideItsLevelReportsBothLevelAndCell() {
        ObjectNode d = compact();
        items(d).add(item("UJI-AU-05-01", 5, "AHLI_UTAMA"));

        DescriptorReader.Result r = read(d);

        assertEquals(2, r.problems().size(), r.problems()::toString);
        assertHasProblem(r, "$.items[6].level", "level AHLI_UTAMA is not among the target levels");
        assertHasProblem(r, "$.items[6]", "does not exist at Ahli Utama");
    }

    @Test
    void missingSelfTextIsRejected() {
        ObjectNode d = compact();
        ((ObjectNode) items(d).get(3)).remove("self");

        assertOnlyProblem(read(d), "$.items[3].self", "is required");
    }

    @Test
    void emptyOtherTextIsRejected() {
        ObjectNode d = compact();
        ((ObjectNode) items(d).get(3)).put("other", " \t ");

        assertOnlyProblem(read(d), "$.items[3].other", "must not be empty");
    }

    @Test
    void nullSelfTextIsRejected() {
        ObjectNode d = compact();
        ((ObjectNode) items(d).get(3)).putNull("self");

        assertOnlyProblem(read(d), "$.items[3].self", "is required");
    }

    // ---------------------------------------------------------------- coverage

    @Test
    void batterySubkompetensiWithoutItemsAtALevelWhereItExistsIsRejected() {
        ObjectNode d = compact();
        items(d).remove(5); // UJI-AMU-14-01, the only item of 14 at Ahli Muda

        assertOnlyProblem(read(d), "$.items", "no items for subkompetensi 14 at Ahli Muda");
    }

    @Test
    void invalidItemDoesNotCoverItsCell() {
        ObjectNode d = compact();
        ((ObjectNode) items(d).get(0)).put("self", "");

        DescriptorReader.Result r = read(d);

        assertEquals(2, r.problems().size(), r.problems()::toString);
        assertHasProblem(r, "$.items[0].self", "must not be empty");
        assertHasProblem(r, "$.items", "no items for subkompetensi 5 at Ahli Pertama");
    }

    @Test
    void targetLevelWhereNoBatterySubkompetensiExistsIsRejected() {
        // Neither 5 nor 8 exists at Ahli Utama (its blueprint has 1, 12, 14 and 15).
        ObjectNode d = compact();
        battery(d).remove(2);
        items(d).remove(5);
        levels(d).add("AHLI_UTAMA");

        assertOnlyProblem(read(d), "$.target.levels", "no battery subkompetensi exists at Ahli Utama");
    }

    // ---------------------------------------------------------------- scale

    @ParameterizedTest(name = "label {0}")
    @ValueSource(strings = {"1", "2", "3", "4"})
    void missingScaleLabelIsRejected(String value) {
        ObjectNode d = compact();
        ((ObjectNode) d.at("/scale/labels")).remove(value);

        assertOnlyProblem(read(d), "$.scale.labels." + value, "is required");
    }

    @Test
    void emptyScaleLabelIsRejected() {
        ObjectNode d = compact();
        ((ObjectNode) d.at("/scale/labels")).put("2", "");

        assertOnlyProblem(read(d), "$.scale.labels.2", "must not be empty");
    }

    @Test
    void emptyNotObservedLabelIsRejected() {
        ObjectNode d = compact();
        ((ObjectNode) d.get("scale")).put("notObserved", " ");

        assertOnlyProblem(read(d), "$.scale.notObserved", "must not be empty");
    }

    // ---------------------------------------------------------------- report

    private static ObjectNode withCategories(String... mins) {
        ObjectNode d = compact();
        ((ObjectNode) d.get("report")).set("categories", categories(mins));
        return d;
    }

    @Test
    void reportCategoriesNotDescendingAreRejected() {
        assertOnlyProblem(read(withCategories("3.00", "3.50", "1.00")), "$.report.categories[1].min",
                "bands must be listed highest first");
    }

    @Test
    void reportCategoriesWithEqualMinimaAreRejected() {
        assertOnlyProblem(read(withCategories("3.00", "3", "1.00")), "$.report.categories[1].min",
                "bands must be listed highest first");
    }

    @Test
    void lowestReportCategoryNotStartingAt1IsRejected() {
        assertOnlyProblem(read(withCategories("3.00", "2.00")), "$.report.categories",
                "the lowest band must start at 1.00");
    }

    @ParameterizedTest(name = "highest band min {0}")
    @ValueSource(strings = {"4.50", "4.01", "5"})
    void reportCategoryMinAbove4IsRejected(String min) {
        assertOnlyProblem(read(withCategories(min, "1.00")), "$.report.categories[0].min", "must be between 1.00 and 4.00");
    }

    @Test
    void reportCategoryMinBelow1IsRejected() {
        DescriptorReader.Result r = read(withCategories("3.00", "0.50"));

        assertEquals(2, r.problems().size(), r.problems()::toString);
        assertHasProblem(r, "$.report.categories[1].min", "must be between 1.00 and 4.00");
        assertHasProblem(r, "$.report.categories", "the lowest band must start at 1.00");
    }

    @ParameterizedTest(name = "min {0}")
    @ValueSource(strings = {"3.415", "tiga", ""})
    void reportCategoryMinThatIsNotATwoDecimalScoreIsRejected(String min) {
        assertOnlyProblem(read(withCategories(min, "1.00")), "$.report.categories[0].min", "a score with at most two decimals");
    }

    @Test
    void singleReportCategoryIsRejected() {
        assertOnlyProblem(read(withCategories("1.00")), "$.report.categories", "at least two bands");
    }

    @Test
    void reportCategoryWithoutPredicateIsRejected() {
        ObjectNode d = withCategories("3.00", "1.00");
        ((ObjectNode) d.at("/report/categories/0")).remove("predicate");

        assertOnlyProblem(read(d), "$.report.categories[0].predicate", "is required");
    }

    // ---------------------------------------------------------------- report: weights and ideal threshold

    private static ObjectNode withOverrides(String weightsJson, String thresholdJson) {
        ObjectNode d = compact();
        ObjectNode report = (ObjectNode) d.get("report");
        if (weightsJson != null) {
            report.set("weights", Descriptors.parse(weightsJson));
        }
        if (thresholdJson != null) {
            report.set("idealThreshold", Descriptors.parse(thresholdJson));
        }
        return d;
    }

    @Test
    void reportWithoutOverridesUsesThePlatformDefaults() {
        InstrumentDefinition def = read(compact()).definition();

        assertEquals(Map.of(), def.report().weights());
        assertNull(def.report().idealThreshold());
    }

    @Test
    void reportWeightsAndIdealThresholdAreReadBackExactly() {
        DescriptorReader.Result r = read(withOverrides(
                "{\"DIRI\": 1, \"ATASAN\": 2, \"REKAN\": 0.5, \"PENGGUNA\": 0}", "0.75"));

        assertTrue(r.ok(), () -> r.problems().toString());
        Map<String, BigDecimal> w = r.definition().report().weights();
        assertEquals(List.of("DIRI", "ATASAN", "REKAN", "PENGGUNA"), List.copyOf(w.keySet()));
        assertEquals(0, w.get("DIRI").compareTo(BigDecimal.ONE));
        assertEquals(0, w.get("ATASAN").compareTo(new BigDecimal("2")));
        assertEquals(0, w.get("REKAN").compareTo(new BigDecimal("0.5")));
        assertEquals(0, w.get("PENGGUNA").signum());
        assertEquals(0, r.definition().report().idealThreshold().compareTo(new BigDecimal("0.75")));
    }

    /** The descriptor text with a number written exactly as given (a JsonNode tree would hold it as a double). */
    private static String withRawThreshold(String number) {
        return new String(bytes(withOverrides("{\"DIRI\": 0.1, \"ATASAN\": 0.2, \"REKAN\": 0.3, \"PENGGUNA\": 0.4}",
                "\"@THRESHOLD@\"")), UTF_8).replace("\"@THRESHOLD@\"", number);
    }

    @Test
    void decimalOverridesAreNotReadThroughADouble() {
        // 0.7000000000000000000001 is 0.7 as a double, 1.0000000000000000001 is 1
        InstrumentDefinition def = read(withRawThreshold("0.7000000000000000000001")).definition();

        assertEquals(new BigDecimal("0.1"), def.report().weights().get("DIRI"));
        assertEquals(new BigDecimal("0.7000000000000000000001"), def.report().idealThreshold());
        assertOnlyProblem(read(withRawThreshold("1.0000000000000000001")), "$.report.idealThreshold",
                "must be greater than 0 and at most 1, e.g. 0.75 for 75 %, not 1.0000000000000000001");
    }

    @Test
    void idealThresholdOfOneAloneIsFine() {
        InstrumentDefinition def = read(withOverrides(null, "1")).definition();

        assertNotNull(def);
        assertEquals(Map.of(), def.report().weights());
        assertEquals(0, def.report().idealThreshold().compareTo(BigDecimal.ONE));
    }

    @Test
    void theStoredSnapshotTextReadsBackWithTheOverrides() {
        // the database keeps the descriptor text (InstrumentExtender.version reads it again with this reader)
        byte[] bytes = bytes(withOverrides("{\"DIRI\": 1, \"ATASAN\": 2, \"REKAN\": 1, \"PENGGUNA\": 1}", "0.8"));
        InstrumentDefinition deployed = reader.read(bytes).definition();
        InstrumentDefinition stored = reader.read(DescriptorReader.utf8(bytes).getBytes(UTF_8)).definition();

        assertEquals(deployed, stored);
        assertEquals(new BigDecimal("0.8"), stored.report().idealThreshold());
        // a snapshot written before these fields existed still reads, with the platform's defaults
        InstrumentDefinition old = reader.read(DescriptorReader.utf8(bytes(compact())).getBytes(UTF_8)).definition();
        assertEquals(Map.of(), old.report().weights());
        assertNull(old.report().idealThreshold());
    }

    @ParameterizedTest(name = "weights {0}")
    @CsvSource(delimiter = '|', value = {
        "{\"DIRI\": 1, \"ATASAN\": 2, \"REKAN\": 1}                      | $.report.weights.PENGGUNA | is required: when weights are given, all four sources",
        "{\"DIRI\": 1, \"ATASAN\": -2, \"REKAN\": 1, \"PENGGUNA\": 1}  | $.report.weights.ATASAN   | must not be negative (-2)",
        "{\"DIRI\": \"1\", \"ATASAN\": 2, \"REKAN\": 1, \"PENGGUNA\": 1} | $.report.weights.DIRI | must be a number, 0 or more",
        "{\"DIRI\": null, \"ATASAN\": 2, \"REKAN\": 1, \"PENGGUNA\": 1} | $.report.weights.DIRI    | must be a number, 0 or more",
        "{\"DIRI\": 0, \"ATASAN\": 0, \"REKAN\": 0.0, \"PENGGUNA\": 0}  | $.report.weights          | at least one weight must be greater than 0",
        "{\"DIRI\": 1, \"ATASAN\": 1, \"REKAN\": 1, \"PENGGUNA\": 1, \"GURU\": 1} | $.report.weights.GURU | unknown property (allowed: DIRI, ATASAN, REKAN, PENGGUNA)",
        "{\"diri\": 1, \"ATASAN\": 1, \"REKAN\": 1, \"PENGGUNA\": 1, \"DIRI\": 1} | $.report.weights.diri | unknown property",
        "[1, 2, 1, 1]                                                          | $.report.weights          | must be an object with a weight for each of DIRI, ATASAN, REKAN, PENGGUNA",
        "\"DIRI=1,ATASAN=2\"                                                 | $.report.weights          | must be an object"})
    void badReportWeightsAreNamedWithTheirPath(String weights, String path, String message) {
        assertOnlyProblem(read(withOverrides(weights, null)), path, message);
    }

    @Test
    void everyMissingWeightIsNamed() {
        DescriptorReader.Result r = read(withOverrides("{\"ATASAN\": 2}", null));

        assertEquals(List.of("$.report.weights.DIRI", "$.report.weights.REKAN", "$.report.weights.PENGGUNA"),
                r.problems().stream().map(Problem::path).toList());
    }

    @ParameterizedTest(name = "idealThreshold {0}")
    @CsvSource(delimiter = '|', value = {
        "0        | must be greater than 0 and at most 1, e.g. 0.75 for 75 %, not 0",
        "-0.5     | must be greater than 0 and at most 1, e.g. 0.75 for 75 %, not -0.5",
        "1.01     | must be greater than 0 and at most 1, e.g. 0.75 for 75 %, not 1.01",
        "75       | must be greater than 0 and at most 1, e.g. 0.75 for 75 %, not 75",
        "\"0.75\" | must be a number greater than 0 and at most 1, e.g. 0.75",
        "null     | must be a number greater than 0 and at most 1",
        "{}       | must be a number greater than 0 and at most 1"})
    void badIdealThresholdIsNamedWithItsPath(String threshold, String message) {
        assertOnlyProblem(read(withOverrides(null, threshold)), "$.report.idealThreshold", message);
    }

    // ---------------------------------------------------------------- all at once

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        ObjectNode d = compact();
        d.put("organiser", "x");
        d.put("code", "bad code");
        ((ObjectNode) d.get("training")).put("end", "2025-08-01");
        levels(d).add("AHLI_PERTAMA");
        battery(d).add(16);
        ((ObjectNode) d.at("/scale/labels")).remove("4");
        ((ObjectNode) items(d).get(1)).put("note", "x");
        ((ObjectNode) d.get("report")).remove("title");

        DescriptorReader.Result r = read(d);

        assertNull(r.definition());
        assertNull(r.code());
        assertEquals(List.of("$.organiser", "$.code", "$.training.end", "$.target.levels[2]", "$.battery[3]",
                "$.scale.labels.4", "$.items[1].note", "$.report.title"), r.problems().stream().map(Problem::path).toList());
    }
}
