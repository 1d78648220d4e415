package org.evkin.exchange;

import static org.evkin.exchange.Fixtures.NIP_A;
import static org.evkin.exchange.Fixtures.NIP_B;
import static org.evkin.exchange.Fixtures.accepted;
import static org.evkin.exchange.Fixtures.importParticipants;
import static org.evkin.exchange.Fixtures.line;
import static org.evkin.exchange.Fixtures.onlyError;
import static org.evkin.exchange.Fixtures.pakRow;
import static org.evkin.exchange.Fixtures.participantCsv;
import static org.evkin.exchange.Fixtures.pkRow;
import static org.evkin.exchange.Fixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.evkin.model.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The participant import from CSV: every rule of SPEC 5. */
class ParticipantCsvTest {

    // ---- reading the file

    @Test
    void readsASemicolonFile() throws Exception {
        List<ParticipantRow> rows = accepted(importParticipants(participantCsv(pkRow(), pakRow())));
        assertEquals(2, rows.size());
        ParticipantRow pk = rows.get(0);
        assertEquals(2, pk.row());
        assertEquals(NIP_A, pk.nip());
        assertEquals("Budi Santoso", pk.name());
        assertEquals("budi@contoh.go.id", pk.email());
        assertEquals("0812-3456-7890", pk.phone());
        assertEquals(Category.PK, pk.category());
        assertEquals(Target.AHLI_PERTAMA, pk.level());
        assertEquals("Disnaker Kabupaten Wonogiri", pk.institution());
        assertEquals("Jawa Tengah", pk.province());
        assertEquals("Kabupaten Wonogiri", pk.regency());
        assertEquals("PK-A", pk.programCode());
        assertEquals(new BigDecimal("85.5"), pk.trainingScore());
        assertTrue(pk.eligible());
        assertNull(pk.ineligibilityReason());
        assertEquals(3, rows.get(1).row());
    }

    @Test
    void detectsACommaDelimiter() throws Exception {
        String csv = Fixtures.PARTICIPANT_HEADER.replace(';', ',') + "\n" + line(pkRow(), ',') + "\n";
        ParticipantRow row = accepted(importParticipants(csv)).get(0);
        assertEquals(new BigDecimal("85.5"), row.trainingScore(), "the quoted \"85,5\" is one field");
        assertEquals("Disnaker Kabupaten Wonogiri", row.institution());
    }

    @Test
    void detectsTheDelimiterFromTheHeaderEvenWhenValuesHoldTheOther() throws Exception {
        // ';' file whose values contain commas (unquoted): still ';'
        String csv = participantCsv(with(pkRow(), "instansi", "Disnaker, Kab. Wonogiri"));
        assertEquals("Disnaker, Kab. Wonogiri", accepted(importParticipants(csv)).get(0).institution());
    }

    @Test
    void acceptsUtf8WithBom() throws Exception {
        String csv = "\uFEFF" + participantCsv(with(pkRow(), "nama", "Ni Luh Putu Ayu Ésa"));
        ParticipantRow row = accepted(importParticipants(csv)).get(0);
        assertEquals(NIP_A, row.nip(), "the BOM is not part of the first column's name");
        assertEquals("Ni Luh Putu Ayu Ésa", row.name());
    }

    @Test
    void acceptsWindowsLineEndings() throws Exception {
        String csv = participantCsv(pkRow(), with(pakRow())).replace("\n", "\r\n");
        assertEquals(2, accepted(importParticipants(csv)).size());
    }

    @Test
    void readsQuotedFieldsWithDelimitersQuotesAndLineBreaks() throws Exception {
        String csv = participantCsv(
                with(pkRow(), "nama", "Budi \"Bud\" Santoso", "instansi", "Disnaker; Bidang\nPenempatan"),
                with(pkRow(), "nip", NIP_B, "email", "b@contoh.go.id", "program", "PK-A"));
        List<ParticipantRow> rows = accepted(importParticipants(csv));
        assertEquals("Budi \"Bud\" Santoso", rows.get(0).name());
        assertEquals("Disnaker; Bidang Penempatan", rows.get(0).institution(), "line break becomes a space");
        assertEquals(3, rows.get(1).row(), "a record with a line break inside is still one row");
    }

    @Test
    void ignoresBlankTrailingLinesAndKeepsRowNumbersAcrossBlankLines() throws Exception {
        String csv = Fixtures.PARTICIPANT_HEADER + "\n" + line(pkRow(), ';') + "\n\n;;;;;;;;;;\n"
                + line(with(pakRow()), ';') + "\n\n\n  \n";
        List<ParticipantRow> rows = accepted(importParticipants(csv));
        assertEquals(2, rows.size());
        assertEquals(5, rows.get(1).row(), "rows are numbered as a spreadsheet shows them");
    }

    @Test
    void acceptsTheColumnsInAnyOrder() throws Exception {
        List<String> names = new ArrayList<>(pkRow().keySet());
        Collections.reverse(names);
        Map<String, String> row = pkRow();
        StringBuilder csv = new StringBuilder(String.join(";", names)).append('\n');
        csv.append(String.join(";", names.stream().map(row::get).toList())).append('\n');
        ParticipantRow p = accepted(importParticipants(csv.toString())).get(0);
        assertEquals(NIP_A, p.nip());
        assertEquals(new BigDecimal("85.5"), p.trainingScore());
    }

    @Test
    void rejectsAFileThatIsNotUtf8() throws Exception {
        byte[] cp1252 = participantCsv(with(pkRow(), "nama", "José")).getBytes(StandardCharsets.ISO_8859_1);
        ImportError e = onlyError(new ParticipantImport(Fixtures.CATALOG).readCsv(new ByteArrayInputStream(cp1252)));
        assertEquals("file.notUtf8", e.code());
        assertTrue(e.message().contains("UTF-8") && e.message().contains("baris 2"), e.message());
    }

    @Test
    void rejectsAnUnclosedQuoteNamingTheRow() throws Exception {
        String csv = participantCsv(pkRow()) + line(with(pkRow(), "nip", NIP_B), ';').replace("Budi", "\"Budi");
        ImportError e = onlyError(importParticipants(csv));
        assertEquals("csv.unclosedQuote", e.code());
        assertEquals(3, e.row());
    }

    @Test
    void reportsTextAfterAClosingQuote() throws Exception {
        String csv = participantCsv(pkRow()).replace("Budi Santoso", "\"Budi\" Santoso x\"");
        ImportError e = onlyError(importParticipants(csv));
        assertEquals("csv.textAfterQuote", e.code());
        assertEquals(2, e.row());
    }

    @Test
    void rejectsAnEmptyFile() throws Exception {
        assertEquals("file.empty", onlyError(importParticipants("")).code());
        assertEquals("file.empty", onlyError(importParticipants("\uFEFF\n\n")).code());
    }

    @Test
    void rejectsAHeaderWithoutRows() throws Exception {
        assertEquals("file.noRows", onlyError(importParticipants(Fixtures.PARTICIPANT_HEADER + "\n\n")).code());
    }

    @Test
    void rejectsAHeaderWithAnotherDelimiter() throws Exception {
        ImportError e = onlyError(importParticipants(Fixtures.PARTICIPANT_HEADER.replace(';', '\t') + "\n1\n"));
        assertEquals("csv.delimiter", e.code());
        assertEquals(1, e.row());
    }

    @Test
    void rejectsAnXlsxGivenAsCsv() throws Exception {
        byte[] zip = {'P', 'K', 3, 4, 0, 0, 0, 0};
        ImportError e = onlyError(new ParticipantImport(Fixtures.CATALOG).readCsv(new ByteArrayInputStream(zip)));
        assertEquals("csv.isSpreadsheet", e.code());
    }

    @Test
    void reportsAValueUnderNoColumn() throws Exception {
        String csv = participantCsv(pkRow()).replace("85,5\n", "85,5;extra\n");
        ImportError e = onlyError(importParticipants(csv));
        assertEquals("row.strayValue", e.code());
        assertEquals(2, e.row());
    }

    @Test
    void ignoresATrailingDelimiter() throws Exception {
        String csv = Fixtures.PARTICIPANT_HEADER + ";\n" + line(pkRow(), ';') + ";\n";
        assertEquals(1, accepted(importParticipants(csv)).size());
    }

    // ---- header

    @Test
    void reportsAMissingColumn() throws Exception {
        String csv = Fixtures.PARTICIPANT_HEADER.replace(";telepon", "") + "\n"
                + line(pkRow(), ';').replace(";0812-3456-7890", "") + "\n";
        ImportError e = onlyError(importParticipants(csv));
        assertEquals("header.missing", e.code());
        assertEquals(1, e.row());
        assertEquals("telepon", e.column());
        assertTrue(e.message().startsWith("Baris 1: kolom 'telepon' tidak ada"), e.message());
    }

    @Test
    void reportsAnUnknownColumn() throws Exception {
        String csv = Fixtures.PARTICIPANT_HEADER + ";jabatan\n" + line(pkRow(), ';') + ";Kepala\n";
        ImportError e = onlyError(importParticipants(csv));
        assertEquals("header.unknown", e.code());
        assertEquals("jabatan", e.column());
        assertTrue(e.message().contains("nip, nama, email"), e.message());
    }

    @Test
    void reportsADuplicateColumn() throws Exception {
        String csv = Fixtures.PARTICIPANT_HEADER + ";nama\n" + line(pkRow(), ';') + ";Budi\n";
        ImportError e = onlyError(importParticipants(csv));
        assertEquals("header.duplicate", e.code());
        assertEquals("nama", e.column());
        assertTrue(e.message().contains("kolom ke-2 dan ke-12"), e.message());
    }

    @Test
    void requiresTheExactSpellingOfTheHeaderWithAHint() throws Exception {
        String csv = Fixtures.PARTICIPANT_HEADER.replace("nip;", "NIP;").replace("nilai_pelatihan", "Nilai Pelatihan")
                + "\n" + line(pkRow(), ';') + "\n";
        ImportResult<ParticipantRow> result = importParticipants(csv);
        assertFalse(result.ok());
        assertEquals(List.of("header.misspelt", "header.misspelt", "header.missing", "header.missing"),
                result.errors().stream().map(ImportError::code).toList());
        assertEquals("Baris 1: judul kolom 'NIP' harus ditulis persis 'nip'", result.errors().get(0).message());
    }

    // ---- values

    @Test
    void acceptsADecimalCommaAndADecimalPoint() throws Exception {
        List<ParticipantRow> rows = accepted(importParticipants(participantCsv(
                with(pkRow(), "nilai_pelatihan", "85,5"),
                with(pkRow(), "program", "PK-B", "nilai_pelatihan", "85.5"),
                with(pakRow(), "nilai_pelatihan", "100"))));
        assertEquals(new BigDecimal("85.5"), rows.get(0).trainingScore());
        assertEquals(new BigDecimal("85.5"), rows.get(1).trainingScore());
        assertEquals(0, new BigDecimal("100").compareTo(rows.get(2).trainingScore()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8,5,1", "abc", "85.5.1", "85,", ",5", "1e2", "85 %", "+85", "8 5"})
    void rejectsAScoreThatIsNotANumber(String score) throws Exception {
        ImportError e = onlyError(importParticipants(participantCsv(with(pkRow(), "nilai_pelatihan", score))));
        assertEquals("score.notNumber", e.code());
        assertEquals(2, e.row());
        assertEquals("nilai_pelatihan", e.column());
    }

    @ParameterizedTest
    @ValueSource(strings = {"100,01", "-1", "101", "250"})
    void rejectsAScoreOutOfRange(String score) throws Exception {
        ImportError e = onlyError(importParticipants(participantCsv(with(pkRow(), "nilai_pelatihan", score))));
        assertEquals(score.startsWith("-") ? "score.notNumber" : "score.outOfRange", e.code());
    }

    @Test
    void theMessageNamesRowColumnAndWhatIsExpected() throws Exception {
        String csv = participantCsv(pkRow(), with(pakRow(), "email", "a@x.id"), with(pakRow(), "email", "b@x.id"),
                with(pakRow(), "email", "c@x.id"), with(pakRow(), "email", "d@x.id"),
                with(pkRow(), "nip", NIP_B, "email", "e@x.id", "nilai_pelatihan", "8,5,1"));
        ImportError e = onlyError(importParticipants(csv));
        assertEquals(7, e.row());
        assertEquals("Baris 7, kolom nilai_pelatihan: '8,5,1' bukan angka (contoh: 85,5)", e.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nama", "email", "kategori", "instansi", "provinsi", "program", "nilai_pelatihan"})
    void requiresAValue(String column) throws Exception {
        ImportError e = onlyError(importParticipants(participantCsv(with(pkRow(), column, ""))));
        assertEquals(column, e.column());
        assertEquals(2, e.row());
        assertTrue(e.code().startsWith("value.required"), e.code());
        assertTrue(e.message().startsWith("Baris 2, kolom " + column + ": wajib diisi"), e.message());
    }

    @Test
    void phoneAndRegencyMayBeEmpty() throws Exception {
        ParticipantRow row = accepted(importParticipants(participantCsv(
                with(pkRow(), "telepon", "", "kabupaten_kota", "")))).get(0);
        assertNull(row.phone());
        assertNull(row.regency());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pk", " PK ", "Pk"})
    void acceptsTheCategoryInAnyCase(String category) throws Exception {
        assertEquals(Category.PK, accepted(importParticipants(participantCsv(
                with(pkRow(), "kategori", category)))).get(0).category());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Pengantar", "P K", "PAKK", "ASN"})
    void rejectsAnUnknownCategory(String category) throws Exception {
        ImportError e = onlyError(importParticipants(participantCsv(with(pkRow(), "kategori", category))));
        assertEquals("category.invalid", e.code());
        assertEquals("kategori", e.column());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Ahli Pertama|AHLI_PERTAMA", "ahli muda|AHLI_MUDA", "  AHLI   MADYA |AHLI_MADYA", "Ahli Utama|AHLI_UTAMA"})
    void acceptsTheLevelNamesInAnyCaseAndSpacing(String written, Target level) throws Exception {
        ParticipantRow row = accepted(importParticipants(participantCsv(
                with(pkRow(), "jenjang", written, "program", "PK-B")))).get(0);
        assertEquals(level, row.level());
        assertEquals(level, row.target());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Pertama", "Ahli", "Terampil", "Ahli Pertama Muda", "AP"})
    void rejectsAnUnknownLevel(String level) throws Exception {
        ImportError e = onlyError(importParticipants(participantCsv(with(pkRow(), "jenjang", level))));
        assertEquals("level.invalid", e.code());
        assertEquals("jenjang", e.column());
    }

    @Test
    void requiresALevelForPk() throws Exception {
        ImportError e = onlyError(importParticipants(participantCsv(with(pkRow(), "jenjang", ""))));
        assertEquals("level.required", e.code());
    }

    @Test
    void requiresNoLevelForPak() throws Exception {
        ImportError e = onlyError(importParticipants(participantCsv(with(pakRow(), "jenjang", "Ahli Muda"))));
        assertEquals("level.notForPak", e.code());
        ParticipantRow row = accepted(importParticipants(participantCsv(with(pakRow(), "jenjang", "-")))).get(0);
        assertNull(row.level());
        assertEquals(Target.PAK, row.target());
    }

    @ParameterizedTest
    @ValueSource(strings = {"19850101201001100", "1985010120100110011", "19850101201001100X", "abc",
        "1985-0101-2010-011001"})
    void rejectsANipThatIsNotEighteenDigits(String nip) throws Exception {
        ImportError e = onlyError(importParticipants(participantCsv(with(pkRow(), "nip", nip))));
        assertEquals("nip.invalid", e.code());
        assertEquals("nip", e.column());
    }

    @Test
    void explainsANipTurnedIntoScientificNotation() throws Exception {
        ImportError e = onlyError(importParticipants(participantCsv(with(pkRow(), "nip", "1,98501E+17"))));
        assertEquals("nip.scientific", e.code());
        assertTrue(e.message().contains("Teks"), e.message());
    }

    @Test
    void acceptsANipWithTheSpacesOfItsPrintedFormOrALeadingApostrophe() throws Exception {
        assertEquals(NIP_A, accepted(importParticipants(participantCsv(
                with(pkRow(), "nip", "19850101 201001 1 001")))).get(0).nip());
        assertEquals(NIP_A, accepted(importParticipants(participantCsv(
                with(pkRow(), "nip", "'" + NIP_A)))).get(0).nip());
    }

    @Test
    void requiresANipForPk() throws Exception {
        ImportError e = onlyError(importParticipants(participantCsv(with(pkRow(), "nip", ""))));
        assertEquals("nip.required", e.code());
    }

    @Test
    void identifiesAPakWithoutNipByEmail() throws Exception {
        List<ParticipantRow> rows = accepted(importParticipants(participantCsv(pakRow(),
                with(pakRow(), "email", "SITI@LPK.CO.ID", "program", "PAK-B", "nilai_pelatihan", "90"),
                with(pakRow(), "nip", NIP_B, "email", "other@lpk.co.id"))));
        assertNull(rows.get(0).nip());
        assertEquals("siti@lpk.co.id", rows.get(0).identity());
        assertEquals(rows.get(0).identity(), rows.get(1).identity(), "the same person in two programs");
        assertEquals(NIP_B, rows.get(2).identity(), "a PAK may also have a NIP");
        assertNull(rows.get(2).level());
    }

    @Test
    void samePakTwiceInOneProgramByEmailIsADuplicate() throws Exception {
        ImportResult<ParticipantRow> result = importParticipants(participantCsv(pakRow(),
                with(pakRow(), "email", "SITI@LPK.CO.ID")));
        ImportError e = onlyError(result);
        assertEquals("enrolment.duplicate", e.code());
        assertEquals(3, e.row());
        assertEquals("program", e.column());
        assertTrue(e.message().contains("email siti@lpk.co.id") && e.message().contains("baris 2"), e.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"budi", "budi@", "@contoh.go.id", "budi@contoh", "budi @contoh.go.id", "budi@contoh..id",
        "budi@@contoh.go.id", ".budi@contoh.go.id"})
    void rejectsAnInvalidEmail(String email) throws Exception {
        ImportError e = onlyError(importParticipants(participantCsv(with(pkRow(), "email", email))));
        assertEquals("email.invalid", e.code());
        assertEquals("email", e.column());
    }

    @Test
    void storesTheEmailInLowerCase() throws Exception {
        assertEquals("budi.s@contoh.go.id", accepted(importParticipants(participantCsv(
                with(pkRow(), "email", "Budi.S@Contoh.GO.id")))).get(0).email());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "12345", "0812-3456-7890-1234-5", "0812+3456"})
    void rejectsAnInvalidPhone(String phone) throws Exception {
        assertEquals("phone.invalid", onlyError(importParticipants(participantCsv(
                with(pkRow(), "telepon", phone)))).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"+62 812 3456 7890", "(0274) 512345", "081234567890"})
    void acceptsCommonPhoneFormats(String phone) throws Exception {
        assertEquals(phone, accepted(importParticipants(participantCsv(with(pkRow(), "telepon", phone)))).get(0)
                .phone());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DIY|Daerah Istimewa Yogyakarta", "Jogja|Daerah Istimewa Yogyakarta", "Jakarta|Daerah Khusus Ibukota Jakarta",
        "Provinsi Jawa Barat|Jawa Barat", "jateng|Jawa Tengah", "  sulawesi   selatan |Sulawesi Selatan"})
    void storesTheProvinceUnderItsOfficialName(String written, String official) throws Exception {
        assertEquals(official, accepted(importParticipants(participantCsv(
                with(pkRow(), "provinsi", written)))).get(0).province());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jawa", "Wonogiri", "Irian", "Sumatera", "Kalimantan"})
    void rejectsAnUnknownProvince(String province) throws Exception {
        ImportError e = onlyError(importParticipants(participantCsv(with(pkRow(), "provinsi", province))));
        assertEquals("province.invalid", e.code());
        assertEquals("provinsi", e.column());
    }

    @Test
    void rejectsAValueTooLong() throws Exception {
        ImportError e = onlyError(importParticipants(participantCsv(with(pkRow(), "instansi", "x".repeat(256)))));
        assertEquals("value.tooLong", e.code());
    }

    // ---- programs

    @Test
    void rejectsAnUnknownProgram() throws Exception {
        ImportError e = onlyError(importParticipants(participantCsv(with(pkRow(), "program", "COP-XYZ-2025"))));
        assertEquals("program.unknown", e.code());
        assertEquals("program", e.column());
    }

    @Test
    void readsProgramCodesInAnyCase() throws Exception {
        assertEquals("PK-A", accepted(importParticipants(participantCsv(with(pkRow(), "program", " pk-a ")))).get(0)
                .programCode());
    }

    @Test
    void rejectsAPakInAPkProgramAndAPkInAPakProgram() throws Exception {
        ImportResult<ParticipantRow> result = importParticipants(participantCsv(
                with(pakRow(), "program", "PK-B"), with(pkRow(), "program", "PAK-A")));
        assertEquals(2, result.errorCount());
        assertEquals(List.of("program.categoryMismatch", "program.categoryMismatch"),
                result.errors().stream().map(ImportError::code).toList());
        assertEquals("Baris 2, kolom program: program PK-B ditujukan untuk kategori PK, sedangkan peserta ini "
                + "berkategori PAK", result.errors().get(0).message());
    }

    @Test
    void rejectsAnEnrolmentWhoseBatteryHasNothingAtTheLevel() throws Exception {
        ImportError e = onlyError(importParticipants(participantCsv(with(pkRow(), "jenjang", "Ahli Utama"))));
        assertEquals("program.noBatteryAtLevel", e.code());
        assertEquals("Baris 2, kolom program: program PK-A tidak menilai satu pun subkompetensi pada jenjang "
                + "Ahli Utama; pendaftaran ini ditolak", e.message());
        accepted(importParticipants(participantCsv(with(pkRow(), "jenjang", "Ahli Utama", "program", "PK-B"))));
    }

    // ---- rows against each other

    @Test
    void acceptsOnePersonInSeveralPrograms() throws Exception {
        List<ParticipantRow> rows = accepted(importParticipants(participantCsv(pkRow(),
                with(pkRow(), "program", "PK-B", "nilai_pelatihan", "60"))));
        assertEquals(rows.get(0).identity(), rows.get(1).identity());
        assertFalse(rows.get(1).eligible());
    }

    @Test
    void rejectsTheSameEnrolmentTwice() throws Exception {
        ImportError e = onlyError(importParticipants(participantCsv(pkRow(), with(pkRow(), "nilai_pelatihan", "90"))));
        assertEquals("enrolment.duplicate", e.code());
        assertEquals(3, e.row());
        assertEquals("Baris 3, kolom program: peserta yang sama (NIP " + NIP_A + ") sudah terdaftar di program PK-A "
                + "pada baris 2", e.message());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nama|Budi Santosa", "email|budi2@contoh.go.id", "kategori|PAK", "jenjang|Ahli Muda",
        "instansi|Disnaker Provinsi Jawa Tengah", "provinsi|Jawa Timur", "kabupaten_kota|Kota Surakarta"})
    void reportsConflictingIdentityFieldsOfOnePerson(String column, String other) throws Exception {
        Map<String, String> second = with(pkRow(), "program", "PK-B", column, other);
        if (column.equals("kategori")) {
            second = with(second, "jenjang", "", "program", "PAK-A");
        }
        ImportResult<ParticipantRow> result = importParticipants(participantCsv(pkRow(), second));
        ImportError e = onlyError(result);
        assertEquals("identity.conflict", e.code());
        assertEquals(3, e.row());
        assertEquals(column, e.column());
        assertTrue(e.message().contains("baris 2") && e.message().contains(other), e.message());
    }

    @Test
    void identityFieldsAgreeAfterNormalising() throws Exception {
        accepted(importParticipants(participantCsv(pkRow(), with(pkRow(), "program", "PK-B", "nama", "BUDI  SANTOSO",
                "email", "Budi@Contoh.go.id", "provinsi", "Jateng", "jenjang", "ahli pertama", "kategori", "pk"))));
    }

    @Test
    void rejectsOneEmailForTwoPeople() throws Exception {
        ImportError e = onlyError(importParticipants(participantCsv(pkRow(),
                with(pkRow(), "nip", NIP_B, "nama", "Ani"))));
        assertEquals("email.usedByOther", e.code());
        assertEquals("email", e.column());
        assertEquals(3, e.row());
    }

    // ---- eligibility

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"70,01|true", "70.01|true", "70,00|false", "70,009|false", "0|false",
        "100|true", "85,5|true"})
    void marksAScoreBelow7001Ineligible(String score, boolean eligible) throws Exception {
        ParticipantRow row = accepted(importParticipants(participantCsv(with(pkRow(), "nilai_pelatihan", score))))
                .get(0);
        assertEquals(eligible, row.eligible());
        if (eligible) {
            assertNull(row.ineligibilityReason());
        } else {
            assertEquals("Nilai pelatihan " + score.replace('.', ',') + " di bawah batas kelayakan 70,01",
                    row.ineligibilityReason());
        }
    }

    @Test
    void theThresholdIsConfigurable() throws Exception {
        ImportOptions options = ImportOptions.defaults().withEligibilityThreshold(new BigDecimal("75"));
        ParticipantRow row = accepted(importParticipants(participantCsv(with(pkRow(), "nilai_pelatihan", "74,99")),
                options)).get(0);
        assertFalse(row.eligible());
        assertEquals("Nilai pelatihan 74,99 di bawah batas kelayakan 75", row.ineligibilityReason());
    }

    // ---- all or nothing

    @Test
    void rejectsTheWholeFileAndListsEveryProblemByRowAndColumn() throws Exception {
        String csv = participantCsv(
                pkRow(),
                with(pkRow(), "nip", "123", "program", "PK-B"),
                with(pakRow(), "email", "siti@", "provinsi", "Atlantis"),
                with(pkRow(), "nip", NIP_B, "email", "x@contoh.go.id", "jenjang", "Ahli", "nilai_pelatihan", "abc"));
        ImportResult<ParticipantRow> result = importParticipants(csv);
        assertFalse(result.ok());
        assertTrue(result.rows().isEmpty(), "all-or-nothing: no row of a rejected file");
        List<String> where = result.errors().stream().map(e -> e.row() + ":" + e.column() + ":" + e.code()).toList();
        assertEquals(List.of("3:nip:nip.invalid", "4:email:email.invalid", "4:provinsi:province.invalid",
                "5:jenjang:level.invalid", "5:nilai_pelatihan:score.notNumber"), where);
        assertEquals(5, result.errorCount());
    }

    @Test
    void capsTheListOfProblems() throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(with(pakRow(), "email", "p" + i + "@x.id", "nilai_pelatihan", "x"));
        }
        @SuppressWarnings("unchecked")
        Map<String, String>[] array = rows.toArray(new Map[0]);
        ImportResult<ParticipantRow> result = importParticipants(participantCsv(array),
                ImportOptions.defaults().withMaxErrors(10));
        assertEquals(30, result.errorCount());
        assertEquals(11, result.errors().size());
        ImportError last = result.errors().get(10);
        assertEquals("errors.more", last.code());
        assertEquals("… dan 20 kesalahan lainnya", last.message());
    }

    @Test
    void reImportingTheSameRowsGivesTheSameResult() throws Exception {
        String csv = participantCsv(pkRow(), pakRow(), with(pkRow(), "program", "PK-B"));
        assertEquals(importParticipants(csv), importParticipants(csv));
    }

    // ---- guards

    @Test
    void rejectsTooManyRows() throws Exception {
        ImportError e = onlyError(importParticipants(participantCsv(pkRow(), with(pkRow(), "program", "PK-B"),
                pakRow()), ImportOptions.defaults().withMaxRows(2)));
        assertEquals("file.tooManyRows", e.code());
        assertTrue(e.message().contains("2 baris"), e.message());
    }

    @Test
    void rejectsAFileTooLarge() throws Exception {
        ImportError e = onlyError(importParticipants(participantCsv(pkRow()), ImportOptions.defaults()
                .withMaxBytes(100)));
        assertEquals("file.tooLarge", e.code());
    }

    @Test
    void detectsCsvOrXlsxByContent() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(participantCsv(pkRow()).getBytes(StandardCharsets.UTF_8));
        ImportResult<ParticipantRow> result = new ParticipantImport(Fixtures.CATALOG)
                .read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(1, accepted(result).size());
    }
}
