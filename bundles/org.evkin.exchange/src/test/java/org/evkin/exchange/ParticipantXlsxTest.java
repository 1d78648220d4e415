package org.evkin.exchange;

import static org.evkin.exchange.Fixtures.NIP_A;
import static org.evkin.exchange.Fixtures.NIP_B;
import static org.evkin.exchange.Fixtures.accepted;
import static org.evkin.exchange.Fixtures.onlyError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.evkin.model.Target;
import org.junit.jupiter.api.Test;

/** The participant import from XLSX: the same rules as CSV, and the ways a spreadsheet stores values. */
class ParticipantXlsxTest {

    private static final List<Object> HEADER = List.copyOf(ParticipantImport.COLUMNS);

    private static List<Object> pk(Object nip, Object score) {
        return Arrays.asList(nip, "Budi Santoso", "budi@contoh.go.id", "0812-3456-7890", "PK", "Ahli Pertama",
                "Disnaker Kabupaten Wonogiri", "Jawa Tengah", "Kabupaten Wonogiri", "PK-A", score);
    }

    private static ImportResult<ParticipantRow> read(byte[] xlsx) throws Exception {
        return new ParticipantImport(Fixtures.CATALOG).readXlsx(new ByteArrayInputStream(xlsx));
    }

    private static ImportResult<ParticipantRow> read(byte[] xlsx, ImportOptions options) throws Exception {
        return new ParticipantImport(Fixtures.CATALOG, options).readXlsx(new ByteArrayInputStream(xlsx));
    }

    @Test
    void readsTextCellsAndANumericScore() throws Exception {
        ParticipantRow row = accepted(read(XlsxFiles.workbook(List.of(HEADER, pk(NIP_A, 85.5))))).get(0);
        assertEquals(2, row.row());
        assertEquals(NIP_A, row.nip());
        assertEquals(Target.AHLI_PERTAMA, row.level());
        assertEquals(new BigDecimal("85.5"), row.trainingScore());
        assertEquals("Jawa Tengah", row.province());
        assertTrue(row.eligible());
    }

    @Test
    void readsAScoreWrittenAsTextWithADecimalComma() throws Exception {
        ParticipantRow row = accepted(read(XlsxFiles.workbook(List.of(HEADER, pk(NIP_A, "85,5"))))).get(0);
        assertEquals(new BigDecimal("85.5"), row.trainingScore());
    }

    @Test
    void rejectsANipStoredAsANumberWithAHint() throws Exception {
        ImportResult<ParticipantRow> result = read(XlsxFiles.workbook(List.of(HEADER,
                pk(198501012010011001L, 85.5), with(pk(1.99002022015022E17, 90), 2, "b@contoh.go.id"))));
        assertEquals(2, result.errorCount());
        ImportError e = result.errors().get(0);
        assertEquals("nip.numericCell", e.code());
        assertEquals(2, e.row());
        assertEquals("nip", e.column());
        assertTrue(e.message().startsWith("Baris 2, kolom nip: NIP tersimpan sebagai angka")
                && e.message().contains("format kolom nip sebagai Teks"), e.message());
        assertEquals(3, result.errors().get(1).row());
    }

    @Test
    void acceptsANumericPhoneAndNumericLookingTextAnywhere() throws Exception {
        List<Object> row = pk(NIP_A, 70);
        row.set(3, 81234567890L);
        ParticipantRow p = accepted(read(XlsxFiles.workbook(List.of(HEADER, row)))).get(0);
        assertEquals("81234567890", p.phone());
        assertEquals(0, new BigDecimal("70").compareTo(p.trainingScore()));
        assertEquals("Nilai pelatihan 70 di bawah batas kelayakan 70,01", p.ineligibilityReason());
    }

    @Test
    void rejectsANumericScoreOutOfRange() throws Exception {
        ImportError e = onlyError(read(XlsxFiles.workbook(List.of(HEADER, pk(NIP_A, 120.5)))));
        assertEquals("score.outOfRange", e.code());
        assertEquals("Baris 2, kolom nilai_pelatihan: '120,5' di luar rentang 0 sampai 100", e.message());
    }

    @Test
    void placesCellsByReferenceWhenEmptyCellsAreLeftOut() throws Exception {
        List<Object> pak = Arrays.asList(null, "Siti Aminah", "siti@lpk.co.id", null, "PAK", null, "LPK Maju Jaya",
                "DIY", null, "PAK-A", 91.25);
        ParticipantRow row = accepted(read(XlsxFiles.workbook(List.of(HEADER, pak)))).get(0);
        assertNull(row.nip());
        assertNull(row.phone());
        assertNull(row.level());
        assertNull(row.regency());
        assertEquals("LPK Maju Jaya", row.institution());
        assertEquals("Daerah Istimewa Yogyakarta", row.province());
        assertEquals(new BigDecimal("91.25"), row.trainingScore());
    }

    @Test
    void numbersRowsAsTheSheetDoesAndSkipsBlankRows() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.add(pk(NIP_A, 80));
        rows.add(null);
        rows.add(Arrays.asList("", "", "", "", "", "", "", "", "", "", ""));
        rows.add(with(pk(NIP_B, "abc"), 2, "b@contoh.go.id"));
        ImportError e = onlyError(read(XlsxFiles.workbook(rows)));
        assertEquals(5, e.row());
        assertEquals("Baris 5, kolom nilai_pelatihan: 'abc' bukan angka (contoh: 85,5)", e.message());
    }

    @Test
    void readsOnlyTheFirstSheet() throws Exception {
        byte[] xlsx = XlsxFiles.workbook(List.of(HEADER, pk(NIP_A, 85)),
                List.of(List.of("apa saja"), List.of("tidak dibaca", 1)));
        assertEquals(1, accepted(read(xlsx)).size());
    }

    @Test
    void reportsHeaderProblemsAsInCsv() throws Exception {
        List<Object> header = new ArrayList<>(HEADER);
        header.set(3, "no_hp");
        ImportResult<ParticipantRow> result = read(XlsxFiles.workbook(List.of(header, pk(NIP_A, 85))));
        assertEquals(List.of("header.unknown", "header.missing"),
                result.errors().stream().map(ImportError::code).toList());
    }

    @Test
    void appliesTheCrossRowRules() throws Exception {
        ImportError e = onlyError(read(XlsxFiles.workbook(List.of(HEADER, pk(NIP_A, 85), pk(NIP_A, 90)))));
        assertEquals("enrolment.duplicate", e.code());
        assertEquals(3, e.row());
    }

    @Test
    void readsInlineStringsCellsWithoutReferencesAndTheFirstTabNotTheFirstFile() throws Exception {
        String data = XlsxFiles.inlineRow(1, ParticipantImport.COLUMNS)
                + XlsxFiles.inlineRow(2, List.of("19850101 201001 1 001", "Budi & Ani", "budi@contoh.go.id", "",
                        "PK", "Ahli Muda", "Disnaker <Kota>", "Provinsi Jawa Tengah", "Kota Surakarta", "pk-a",
                        "77,5"));
        for (boolean absolute : new boolean[] {false, true}) {
            ParticipantRow row = accepted(read(XlsxFiles.handmade(data, null, absolute))).get(0);
            assertEquals(NIP_A, row.nip());
            assertEquals("Budi & Ani", row.name());
            assertEquals("Disnaker <Kota>", row.institution());
            assertEquals(Target.AHLI_MUDA, row.level());
            assertEquals(new BigDecimal("77.5"), row.trainingScore());
        }
    }

    @Test
    void readsSharedRichTextWithoutPhoneticRunsAndDecodesEscapes() throws Exception {
        StringBuilder data = new StringBuilder("<row r=\"1\">");
        StringBuilder shared = new StringBuilder();
        int i = 0;
        for (String name : ParticipantImport.COLUMNS) {
            data.append("<c r=\"").append((char) ('A' + i)).append("1\" t=\"s\"><v>").append(i).append("</v></c>");
            shared.append("<si><t>").append(name).append("</t></si>");
            i++;
        }
        data.append("</row><row r=\"3\">")
                .append("<c r=\"A3\" t=\"s\"><v>11</v></c>")
                .append("<c r=\"B3\" t=\"s\"><v>12</v></c>")
                .append("<c r=\"C3\" t=\"str\"><f>LOWER(\"X\")</f><v>budi@contoh.go.id</v></c>")
                .append("<c r=\"E3\" t=\"inlineStr\"><is><t>PK</t></is></c>")
                .append("<c r=\"F3\" t=\"inlineStr\"><is><t>Ahli Madya</t></is></c>")
                .append("<c r=\"G3\" t=\"inlineStr\"><is><t>Dinas_x000D_Tenaga Kerja</t></is></c>")
                .append("<c r=\"H3\" t=\"inlineStr\"><is><t>Jabar</t></is></c>")
                .append("<c r=\"J3\" t=\"inlineStr\"><is><t>PK-A</t></is></c>")
                .append("<c r=\"K3\" s=\"3\"><v>70.010000000000005</v></c>")
                .append("</row>");
        shared.append("<si><t>").append(NIP_A).append("</t></si>");
        shared.append("<si><r><rPr><b/></rPr><t>Budi </t></r><r><t>Santoso</t></r>"
                + "<rPh sb=\"0\" eb=\"1\"><t>ブディ</t></rPh></si>");
        ParticipantRow row = accepted(read(XlsxFiles.handmade(data.toString(), shared.toString(), false))).get(0);
        assertEquals(3, row.row());
        assertEquals(NIP_A, row.nip());
        assertEquals("Budi Santoso", row.name());
        assertEquals("Dinas Tenaga Kerja", row.institution());
        assertEquals("Jawa Barat", row.province());
        assertEquals(new BigDecimal("70.01"), row.trainingScore(), "Excel's binary noise is rounded to 15 digits");
        assertTrue(row.eligible());
    }

    @Test
    void reportsAnExcelErrorCell() throws Exception {
        String data = XlsxFiles.inlineRow(1, ParticipantImport.COLUMNS)
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>" + NIP_A + "</t></is></c>"
                + "<c r=\"B2\" t=\"e\"><f>VLOOKUP(A2,X,2)</f><v>#N/A</v></c>"
                + "<c r=\"C2\" t=\"inlineStr\"><is><t>budi@contoh.go.id</t></is></c>"
                + "<c r=\"E2\" t=\"inlineStr\"><is><t>PK</t></is></c>"
                + "<c r=\"F2\" t=\"inlineStr\"><is><t>Ahli Pertama</t></is></c>"
                + "<c r=\"G2\" t=\"inlineStr\"><is><t>Disnaker</t></is></c>"
                + "<c r=\"H2\" t=\"inlineStr\"><is><t>Bali</t></is></c>"
                + "<c r=\"J2\" t=\"inlineStr\"><is><t>PK-A</t></is></c>"
                + "<c r=\"K2\"><v>88</v></c></row>";
        ImportError e = onlyError(read(XlsxFiles.handmade(data, null, false)));
        assertEquals("cell.error", e.code());
        assertEquals("nama", e.column());
        assertTrue(e.message().contains("#N/A"), e.message());
    }

    @Test
    void rejectsAnOldXlsFile() throws Exception {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0};
        assertEquals("xlsx.oldFormat", onlyError(read(ole2)).code());
        assertEquals("xlsx.oldFormat", onlyError(new ParticipantImport(Fixtures.CATALOG)
                .read(new ByteArrayInputStream(ole2))).code());
    }

    @Test
    void rejectsAFileThatIsNotAnXlsx() throws Exception {
        assertEquals("xlsx.notXlsx", onlyError(read("nip;nama\n".getBytes())).code());
    }

    @Test
    void rejectsACorruptZip() throws Exception {
        byte[] good = XlsxFiles.workbook(List.of(HEADER, pk(NIP_A, 85)));
        byte[] broken = Arrays.copyOf(good, good.length / 2);
        for (int i = 100; i < broken.length; i += 7) {
            broken[i] ^= 0x5A;
        }
        ImportError e = onlyError(read(broken));
        assertTrue(List.of("xlsx.corrupt", "xlsx.notXlsx", "xlsx.noSheet").contains(e.code()), e.code());
        assertEquals(0, e.row());
    }

    @Test
    void guardsAgainstAZipBomb() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (int i = 0; i < 200; i++) {
            rows.add(pk(NIP_A, 85));
        }
        ImportError e = onlyError(read(XlsxFiles.workbook(rows),
                ImportOptions.defaults().withMaxUncompressedBytes(4096)));
        assertEquals("xlsx.tooLargeUnpacked", e.code());
    }

    @Test
    void refusesACellLongerThanExcelAllowsWithoutBuildingIt() throws Exception {
        // 4 MB of spaces in one cell packs into a few KB: it must be refused by its length, not read into memory
        String sheet = "<row r=\"1\"><c t=\"inlineStr\"><is><t>nip</t></is></c></row><row r=\"2\"><c t=\"inlineStr\"><is><t>"
                + " ".repeat(4_000_000) + "</t></is></c></row>";
        ImportError e = onlyError(read(XlsxFiles.handmade(sheet, null, false)));
        assertEquals("xlsx.cellTooLong", e.code());
        assertTrue(e.message().contains("32767") || e.message().contains("32.767"), e.message());
    }

    @Test
    void guardsAgainstTooManyRows() throws Exception {
        ImportError e = onlyError(read(XlsxFiles.workbook(List.of(HEADER, pk(NIP_A, 85), pk(NIP_A, 86))),
                ImportOptions.defaults().withMaxRows(1)));
        assertEquals("file.tooManyRows", e.code());
    }

    @Test
    void rejectsAnEmptySheet() throws Exception {
        assertEquals("file.empty", onlyError(read(XlsxFiles.workbook(List.of()))).code());
    }

    @Test
    void detectsAnXlsxByContent() throws Exception {
        byte[] xlsx = XlsxFiles.workbook(List.of(HEADER, pk(NIP_A, 85)));
        assertEquals(1, accepted(new ParticipantImport(Fixtures.CATALOG).read(new ByteArrayInputStream(xlsx)))
                .size());
    }

    private static List<Object> with(List<Object> row, int index, Object value) {
        List<Object> copy = new ArrayList<>(row);
        copy.set(index, value);
        return copy;
    }
}
