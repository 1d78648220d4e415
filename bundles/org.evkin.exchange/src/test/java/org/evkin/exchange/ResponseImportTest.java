package org.evkin.exchange;

import static org.evkin.exchange.Fixtures.NIP_A;
import static org.evkin.exchange.Fixtures.NIP_B;
import static org.evkin.exchange.Fixtures.NIP_C;
import static org.evkin.exchange.Fixtures.accepted;
import static org.evkin.exchange.Fixtures.onlyError;
import static org.evkin.exchange.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The responses import (SPEC 5): paper forms and migration, all-or-nothing. */
class ResponseImportTest {

    private static final String HEADER = "nip_or_email;program;rater_role;rater_name;rater_email;part;item_code;value";

    /** A complete Part-2 ATASAN form of participant A (Ahli Pertama) in PK-A: three items. */
    private static List<String> formA() {
        return new ArrayList<>(List.of(
                NIP_A + ";PK-A;ATASAN;Dewi Lestari;dewi@contoh.go.id;2;PKA-AP-07-01;4",
                NIP_A + ";PK-A;ATASAN;Dewi Lestari;dewi@contoh.go.id;2;PKA-AP-07-02;NA",
                NIP_A + ";PK-A;ATASAN;Dewi Lestari;dewi@contoh.go.id;2;PKA-AP-08-01;3"));
    }

    private static ImportResult<ResponseRow> read(List<String> lines) throws Exception {
        return read(lines, ImportOptions.defaults());
    }

    private static ImportResult<ResponseRow> read(List<String> lines, ImportOptions options) throws Exception {
        return new ResponseImport(Fixtures.CATALOG, Fixtures.PARTICIPANTS, options)
                .readCsv(utf8(HEADER + "\n" + String.join("\n", lines) + "\n"));
    }

    private static List<String> plus(List<String> lines, String... more) {
        List<String> all = new ArrayList<>(lines);
        all.addAll(Arrays.asList(more));
        return all;
    }

    @Test
    void readsPart2AndPart1Rows() throws Exception {
        List<ResponseRow> rows = accepted(read(plus(formA(),
                NIP_A + ";;DIRI;;;1;AP-01-01;1",
                NIP_A + ";;DIRI;;;1;ama-03-02;0",
                "pak@lpk.co.id;PAK-A;PENGGUNA;Pak Joko;;2;PAKA-03-01;2",
                "pak@lpk.co.id;PAK-A;PENGGUNA;Pak Joko;;2;PAKA-04-01;1",
                "pak@lpk.co.id;PAK-A;PENGGUNA;Pak Joko;;2;PAKA-05-01;na")));
        assertEquals(8, rows.size());
        ResponseRow first = rows.get(0);
        assertEquals(2, first.row());
        assertEquals(NIP_A, first.nipOrEmail());
        assertEquals("p-a", first.participantId());
        assertEquals("PK-A", first.programCode());
        assertEquals(RaterRole.ATASAN, first.raterRole());
        assertEquals("Dewi Lestari", first.raterName());
        assertEquals("dewi@contoh.go.id", first.raterEmail());
        assertEquals(2, first.part());
        assertEquals("PKA-AP-07-01", first.itemCode());
        assertEquals(4, first.value());
        assertNull(rows.get(1).value(), "NA is no value");
        assertTrue(rows.get(1).notObserved());
        ResponseRow task = rows.get(4);
        assertNull(task.programCode());
        assertEquals(1, task.part());
        assertEquals("AMA-03-02", task.itemCode());
        assertEquals(0, task.value());
        assertNull(task.raterName(), "the self rater needs no name");
        assertEquals("pak@lpk.co.id", rows.get(5).nipOrEmail());
    }

    @Test
    void detectsACommaDelimiter() throws Exception {
        String csv = HEADER.replace(';', ',') + "\n" + String.join("\n", formA()).replace(';', ',') + "\n";
        assertEquals(3, accepted(new ResponseImport(Fixtures.CATALOG, Fixtures.PARTICIPANTS).read(utf8(csv))).size());
    }

    @Test
    void requiresTheExactHeader() throws Exception {
        String csv = HEADER.replace("rater_email", "email_penilai") + "\n" + formA().get(0) + "\n";
        ImportResult<ResponseRow> result = new ResponseImport(Fixtures.CATALOG, Fixtures.PARTICIPANTS)
                .readCsv(utf8(csv));
        assertEquals(List.of("header.unknown", "header.missing"),
                result.errors().stream().map(ImportError::code).toList());
        assertEquals("rater_email", result.errors().get(1).column());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "5", "x", "1,5", "3.0", "N/A", "-"})
    void rejectsAPart2ValueOutside1To4OrNa(String value) throws Exception {
        List<String> lines = formA();
        lines.set(0, lines.get(0).replace(";4", ";" + value));
        ImportError e = onlyError(read(lines));
        assertEquals("value.invalidPart2", e.code());
        assertEquals("value", e.column());
        assertEquals(2, e.row());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "NA", "ya", "-1"})
    void rejectsAPart1ValueOtherThan1Or0(String value) throws Exception {
        ImportError e = onlyError(read(List.of(NIP_A + ";;DIRI;;;1;AP-01-01;" + value)));
        assertEquals("value.invalidPart1", e.code());
    }

    @Test
    void requiresAValue() throws Exception {
        ImportError e = onlyError(read(List.of(NIP_A + ";;DIRI;;;1;AP-01-01;")));
        assertEquals("value.required", e.code());
        assertEquals("value", e.column());
    }

    @Test
    void requiresTheProgramToBeEmptyForPart1() throws Exception {
        ImportError e = onlyError(read(List.of(NIP_A + ";PK-A;DIRI;;;1;AP-01-01;1")));
        assertEquals("program.notForPart1", e.code());
        assertEquals("program", e.column());
    }

    @Test
    void requiresTheProgramForPart2() throws Exception {
        List<String> lines = formA();
        lines.set(0, lines.get(0).replace(";PK-A;", ";;"));
        ImportError e = onlyError(read(lines));
        assertEquals("program.requiredForPart2", e.code());
    }

    @Test
    void rejectsAnUnknownProgramAndOneTheParticipantIsNotIn() throws Exception {
        ImportResult<ResponseRow> result = read(List.of(
                NIP_A + ";XYZ;ATASAN;Dewi;;2;PKA-AP-07-01;4",
                NIP_B + ";PK-B;ATASAN;Dewi;;2;PKB-AMA-01-01;4"));
        assertEquals(List.of("program.unknown", "program.notEnrolled"),
                result.errors().stream().map(ImportError::code).toList());
        assertEquals("Baris 3, kolom program: peserta " + NIP_B + " tidak terdaftar di program PK-B",
                result.errors().get(1).message());
    }

    @Test
    void checksTheItemAgainstTheProgramsInstrumentAndTheParticipantsLevel() throws Exception {
        ImportResult<ResponseRow> result = read(List.of(
                NIP_A + ";PK-A;DIRI;;;2;PKA-XX-99-01;4",
                NIP_A + ";PK-A;DIRI;;;2;PKA-AMA-07-01;4",
                NIP_A + ";PK-A;DIRI;;;2;PKB-AP-01-01;4"));
        assertEquals(List.of("item.unknown", "item.wrongLevel", "item.unknown"),
                result.errors().stream().filter(e -> !e.code().equals("form.incomplete"))
                        .map(ImportError::code).toList());
        ImportError wrong = result.errors().get(1);
        assertEquals("Baris 3, kolom item_code: item PKA-AMA-07-01 untuk jenjang Ahli Madya, sedangkan peserta ini "
                + "berjenjang Ahli Pertama", wrong.message());
    }

    @Test
    void checksPart1TasksAgainstTheCatalog() throws Exception {
        ImportError e = onlyError(read(List.of(NIP_A + ";;REKAN;Rina;;1;AP-99-99;1")));
        assertEquals("task.unknown", e.code());
        assertEquals("item_code", e.column());
    }

    @Test
    void acceptsTasksOfEveryLevelInPart1() throws Exception {
        assertEquals(3, accepted(read(List.of(NIP_A + ";;REKAN;Rina;;1;AP-01-01;1",
                NIP_A + ";;REKAN;Rina;;1;AMA-03-02;1", NIP_A + ";;REKAN;Rina;;1;AU-15-01;0"))).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "0", "dua", "1,0"})
    void rejectsAPartOtherThan1Or2(String part) throws Exception {
        ImportError e = onlyError(read(List.of(NIP_A + ";;DIRI;;;" + part + ";AP-01-01;1")));
        assertEquals("part.invalid", e.code());
        assertEquals("part", e.column());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELF", "Atasan Langsung", "PEER", "X"})
    void rejectsAnUnknownRole(String role) throws Exception {
        ImportError e = onlyError(read(List.of(NIP_A + ";;" + role + ";Rina;;1;AP-01-01;1")));
        assertEquals("role.invalid", e.code());
        assertEquals("rater_role", e.column());
    }

    @Test
    void acceptsRolesInAnyCase() throws Exception {
        assertEquals(RaterRole.REKAN, accepted(read(List.of(NIP_A + ";; rekan ;Rina;;1;AP-01-01;1"))).get(0)
                .raterRole());
    }

    @Test
    void theServiceUserFillsNoPart1() throws Exception {
        ImportError e = onlyError(read(List.of(NIP_A + ";;PENGGUNA;Pak Joko;;1;AP-01-01;1")));
        assertEquals("role.notForPart1", e.code());
    }

    @Test
    void part1IsForPkOnly() throws Exception {
        ImportError e = onlyError(read(List.of("pak@lpk.co.id;;DIRI;;;1;AP-01-01;1")));
        assertEquals("part1.notForPak", e.code());
        assertEquals("part", e.column());
    }

    @Test
    void requiresTheRaterNameExceptForSelf() throws Exception {
        ImportError e = onlyError(read(List.of(NIP_A + ";;ATASAN;;;1;AP-01-01;1")));
        assertEquals("rater.nameRequired", e.code());
        assertEquals("rater_name", e.column());
    }

    @Test
    void rejectsAnInvalidRaterEmail() throws Exception {
        ImportError e = onlyError(read(List.of(NIP_A + ";;ATASAN;Dewi;dewi@;1;AP-01-01;1")));
        assertEquals("email.invalid", e.code());
        assertEquals("rater_email", e.column());
    }

    @Test
    void rejectsAnUnknownOrInvalidParticipant() throws Exception {
        ImportResult<ResponseRow> result = read(List.of(NIP_C + ";;DIRI;;;1;AP-01-01;1",
                "siapa;;DIRI;;;1;AP-01-01;1", "x@y.id;;DIRI;;;1;AP-01-01;1"));
        assertEquals(List.of("who.unknown", "who.invalid", "who.unknown"),
                result.errors().stream().map(ImportError::code).toList());
        assertEquals("Baris 2, kolom nip_or_email: peserta " + NIP_C
                + " tidak ditemukan; impor data peserta terlebih dahulu", result.errors().get(0).message());
    }

    @Test
    void oneRaterPerSourcePerParticipant() throws Exception {
        ImportResult<ResponseRow> result = read(plus(formA(),
                NIP_A + ";;ATASAN;Dewi Lestari;dewi@contoh.go.id;1;AP-01-01;1",
                NIP_A + ";;ATASAN;Dewi Lestari;dewi.l@contoh.go.id;1;AP-07-02;1",
                "a@contoh.go.id;PK-B;ATASAN;Budi Hartono;dewi@contoh.go.id;2;PKB-AP-01-01;3"));
        assertFalse(result.ok());
        List<String> where = result.errors().stream().map(e -> e.row() + ":" + e.column() + ":" + e.code()).toList();
        assertEquals(List.of("6:rater_email:rater.conflict", "7:rater_name:rater.conflict"), where);
        assertTrue(result.errors().get(1).message().contains("baris 2") && result.errors().get(1).message()
                .contains("'Dewi Lestari'") && result.errors().get(1).message().contains("'Budi Hartono'"),
                result.errors().get(1).message());
    }

    @Test
    void raterNamesCompareIgnoringCaseAndSpaces() throws Exception {
        List<String> lines = formA();
        lines.set(1, lines.get(1).replace("Dewi Lestari", "DEWI  lestari"));
        accepted(read(lines));
    }

    @Test
    void rejectsTheSameAnswerTwice() throws Exception {
        ImportError e = onlyError(read(plus(formA(), NIP_A + ";PK-A;ATASAN;Dewi Lestari;dewi@contoh.go.id;2;"
                + "pka-ap-07-01;2")));
        assertEquals("answer.duplicate", e.code());
        assertEquals(5, e.row());
        assertTrue(e.message().contains("baris 2"), e.message());
    }

    @Test
    void aPart2FormMustAnswerEveryItem() throws Exception {
        List<String> lines = formA();
        lines.remove(2);
        lines.remove(1);
        ImportError e = onlyError(read(lines));
        assertEquals("form.incomplete", e.code());
        assertEquals(2, e.row());
        assertEquals("item_code", e.column());
        assertTrue(e.message().contains("2 item belum dijawab (PKA-AP-07-02, PKA-AP-08-01)"), e.message());
        accepted(read(lines, ImportOptions.defaults().withRequireCompleteForms(false)));
    }

    @Test
    void rejectsTheWholeFileWithEveryProblem() throws Exception {
        ImportResult<ResponseRow> result = read(plus(formA(),
                NIP_A + ";;DIRI;;;1;AP-01-01;7",
                NIP_A + ";;DIRI;;;1;AP-01-01;1",
                NIP_B + ";PK-A;REKAN;Rina;;2;PKA-AMA-07-01;9"));
        assertTrue(result.rows().isEmpty());
        List<String> where = result.errors().stream().map(e -> e.row() + ":" + e.column() + ":" + e.code()).toList();
        assertEquals(List.of("5:value:value.invalidPart1", "6:item_code:answer.duplicate",
                "7:value:value.invalidPart2"), where);
    }

    @Test
    void readsResponsesFromAnXlsxToo() throws Exception {
        List<List<Object>> sheet = new ArrayList<>();
        sheet.add(List.copyOf(ResponseImport.COLUMNS));
        sheet.add(Arrays.asList(NIP_A, null, "DIRI", null, null, 1, "AP-01-01", 1));
        sheet.add(Arrays.asList(NIP_A, null, "DIRI", null, null, 1, "AU-15-01", 0));
        byte[] xlsx = XlsxFiles.workbook(sheet);
        List<ResponseRow> rows = accepted(new ResponseImport(Fixtures.CATALOG, Fixtures.PARTICIPANTS)
                .read(new ByteArrayInputStream(xlsx)));
        assertEquals(2, rows.size());
        assertEquals(1, rows.get(0).value());
        assertEquals(0, rows.get(1).value());
    }
}
