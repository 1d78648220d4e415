package org.evkin.distribution.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.evkin.distribution.report.Dataset.Enrolment;
import org.evkin.distribution.report.Dataset.Participant;
import org.evkin.distribution.report.Dataset.Source;
import org.evkin.distribution.report.ReportCalculator.Band;
import org.evkin.distribution.report.ReportCalculator.ExpectedActivity;
import org.evkin.distribution.report.ReportCalculator.ExpectedIndividual;
import org.evkin.distribution.report.ReportCalculator.ExpectedProgram;
import org.evkin.distribution.report.ReportCalculator.ExpectedRow;
import org.evkin.distribution.report.ReportCalculator.ExpectedSection;
import org.evkin.distribution.report.ReportCalculator.ExpectedTable;
import org.evkin.distribution.report.ReportCalculator.Scope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The reports of a whole generated cycle (over 500 participants, every level and PAK, 20 provinces, the nine 2025
 * programs) loaded through the real imports of the assembled distribution: every table of the national report — for the
 * whole cycle, filtered by program, level and province, and as a regional admin sees it — and every individual report
 * are compared with what {@link ReportCalculator} computes from the generated answers alone; the CSV, XLSX and PDF
 * variants are read back, and every individual PDF's text is checked.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NationalReportDatasetIT {

    /** The nine 2025 programs (SPEC §2). */
    private static final List<String> PROGRAMS = List.of("COP-JKP-DIS-2025", "BIMTEK-KONSELOR-JKP-2025", "COP-DISABILITAS-2025",
            "COP-BISINDO-2025", "CDMP-SEA-2025", "GENAI-PK-2025", "BIMTEK-PAK-WONOGIRI-2025", "BIMTEK-PAK-YOGYA-2025", "GENAI-PAK-2025");
    private static final List<String> TABLE_IDS = List.of("3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "3.9", "3.10",
            "3.11", "3.12", "G3.1");
    private static final String REGION = "Jawa Tengah";
    private static final String REGIONAL_EMAIL = "disnaker@jatengprov.go.id";
    private static final String REGIONAL_PASSWORD = "Kata-Sandi-Jateng-2025";
    private static final int RESPONSE_ROWS_PER_FILE = 25_000;
    /** Where the generated files and the downloaded reports are kept for a look after the run. */
    private static final Path FILES = Path.of("target", "report-dataset");

    private static ReportDistribution evkin;
    private static String admin;
    private static Catalog catalog;
    private static Dataset data;
    private static ReportCalculator calculator;
    private static long cycle;

    /** The individual reports as the server gives them: participant key → id, id → ZIP entry. */
    private static Map<Integer, Long> ids;
    private static Map<Long, byte[]> individualPdfs;
    private static Map<Long, JsonNode> individualJson;

    @BeforeAll
    static void importTheDataset() throws Exception {
        evkin = ReportDistribution.start("report-dataset");
        admin = evkin.login(ReportDistribution.ADMIN_EMAIL, ReportDistribution.ADMIN_PASSWORD);
        evkin.awaitPrograms(PROGRAMS);
        catalog = Catalog.load(evkin);
        assertTrue(catalog.programs().keySet().containsAll(PROGRAMS), "the nine 2025 programs: " + catalog.programs().keySet());
        data = new DatasetGenerator(catalog, DatasetGenerator.SEED).generate();
        calculator = new ReportCalculator(catalog, data);

        Files.createDirectories(FILES);
        byte[] participants = data.participantsCsv(catalog);
        Files.write(FILES.resolve("participants.csv"), participants);
        List<byte[]> responses = data.responsesCsv(catalog, RESPONSE_ROWS_PER_FILE);
        for (int i = 0; i < responses.size(); i++) {
            Files.write(FILES.resolve("responses-" + (i + 1) + ".csv"), responses.get(i));
        }

        cycle = evkin.call("POST", "/api/cycles", admin, Map.of("name", "EvKin 2025"), 201).path("id").asLong();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        for (String program : catalog.programs().keySet()) {
            evkin.call("PUT", "/api/cycles/" + cycle + "/batteries/" + program, admin,
                    Map.of("periodStart", today.minusDays(30).toString(), "periodEnd", today.plusDays(30).toString()), 200);
        }

        JsonNode imported = evkin.postCsv("/api/cycles/" + cycle + "/participants/import?commit=true", admin, participants);
        long rows = data.participants().stream().mapToLong(p -> p.enrolments().size()).sum();
        long eligible = data.participants().stream().mapToLong(p -> p.eligibleEnrolments().size()).sum();
        assertEquals(rows, imported.path("rows").asLong(), imported.toString());
        assertEquals(eligible, imported.path("eligible").asLong(), "eligible enrolments (70,01 and above)");
        assertEquals(rows - eligible, imported.path("ineligible").asLong());
        assertEquals(data.participants().size(), imported.path("participantsCreated").asInt());

        int forms = 0;
        for (byte[] file : responses) {
            JsonNode r = evkin.postCsv("/api/cycles/" + cycle + "/responses/import?commit=true", admin, file);
            forms += r.path("created").asInt();
        }
        assertEquals(Dataset.formCount(data.participants()), forms, "every form of the responses files is created");
        System.out.println(shape(rows, eligible, responses));
    }

    @AfterAll
    static void stop() throws Exception {
        if (evkin != null) {
            List<String> traces = evkin.stackTraceLines();
            evkin.close();
            assertEquals(List.of(), traces, "no stack trace in the server log");
        }
    }

    // ------------------------------------------------------------------ the national report as JSON

    @Test
    @Order(1)
    void everyTableOfTheNationalReportMatchesTheIndependentComputation() throws Exception {
        Mismatches m = new Mismatches();
        compareNational(Scope.all(), admin, m);
        m.assertNone("national report of the whole cycle");
        assertTrue(m.checked() > 1000, "cells compared: " + m.checked());
    }

    @Test
    @Order(2)
    void filtersByProgramLevelAndProvinceCountOnlyWhatIsInScope() throws Exception {
        Mismatches m = new Mismatches();
        for (Scope scope : List.of(new Scope("CDMP-SEA-2025", null, null), new Scope("BIMTEK-PAK-WONOGIRI-2025", null, null),
                new Scope(null, "AHLI_MUDA", null), new Scope(null, "AHLI_UTAMA", null), new Scope(null, "PAK", null),
                new Scope(null, null, "Jawa Timur"), new Scope(null, null, "Daerah Istimewa Yogyakarta"),
                new Scope("COP-BISINDO-2025", "AHLI_PERTAMA", "Jawa Barat"))) {
            compareNational(scope, admin, m);
        }
        m.assertNone("filtered national reports");
    }

    @Test
    @Order(3)
    void aRegionalAdminSeesOnlyItsProvince() throws Exception {
        evkin.call("POST", "/api/accounts", admin, Map.of("email", REGIONAL_EMAIL, "name", "Admin Jawa Tengah", "password",
                REGIONAL_PASSWORD, "role", "REGIONAL_ADMIN", "province", REGION), 201);
        String regional = evkin.login(REGIONAL_EMAIL, REGIONAL_PASSWORD);
        Mismatches m = new Mismatches();
        JsonNode report = evkin.getJson("/api/reports/national?cycle=" + cycle, regional);
        compareTables("regional admin (" + REGION + ")", report, calculator.national(new Scope(null, null, REGION)), m);
        JsonNode byLevel = evkin.getJson("/api/reports/national?cycle=" + cycle + "&level=AHLI_MADYA", regional);
        compareTables("regional admin, Ahli Madya", byLevel, calculator.national(new Scope(null, "AHLI_MADYA", REGION)), m);
        m.assertNone("the regional admin's national report");

        Participant own = data.eligibleParticipants().stream().filter(p -> p.province().equals(REGION)).findFirst().orElseThrow();
        Participant foreign = data.eligibleParticipants().stream().filter(p -> !p.province().equals(REGION)).findFirst().orElseThrow();
        assertEquals(200, evkin.get("/api/participants/" + ids().get(own.key()) + "/report?cycle=" + cycle, regional).statusCode());
        int status = evkin.get("/api/participants/" + ids().get(foreign.key()) + "/report?cycle=" + cycle, regional).statusCode();
        assertTrue(status == 403 || status == 404, "another province's participant: " + status);
        status = evkin.getBytes("/api/participants/" + ids().get(foreign.key()) + "/report.pdf?cycle=" + cycle, regional, null)
                .statusCode();
        assertTrue(status == 403 || status == 404, "another province's participant's PDF: " + status);

        Set<String> entries = Sheets.unzip(evkin.download("/api/reports/individual.zip?cycle=" + cycle, regional)).keySet();
        assertEquals(expectedEntries(p -> p.province().equals(REGION)), new TreeSet<>(entries), "the regional admin's ZIP");
    }

    // ------------------------------------------------------------------ CSV, XLSX, PDF of the national report

    @Test
    @Order(4)
    void theCsvAndXlsxFilesSayWhatTheJsonSays() throws Exception {
        JsonNode report = evkin.getJson("/api/reports/national?cycle=" + cycle, admin);
        Mismatches m = new Mismatches();

        byte[] longForm = keep("national.csv", evkin.download("/api/reports/national.csv?cycle=" + cycle, admin));
        m.check("national.csv", Sheets.hasBom(longForm), "starts with a UTF-8 BOM");
        List<List<String>> lines = Sheets.csv(longForm);
        m.check("national.csv header", List.of("tabel", "judul_tabel", "baris", "label_baris", "kolom", "label_kolom", "nilai"),
                lines.get(0));
        // tabel → baris → kolom → nilai; the row's label columns (TEXT) are in label_baris instead of lines of their own
        Map<String, Map<String, Map<String, String>>> cells = new LinkedHashMap<>();
        Map<String, String> rowLabels = new HashMap<>();
        Map<String, String> titles = new HashMap<>();
        Map<String, String> columnLabels = new HashMap<>();
        for (List<String> line : lines.subList(1, lines.size())) {
            if (line.size() != 7) {
                m.check("national.csv", false, "a line with " + line.size() + " fields: " + line);
                continue;
            }
            cells.computeIfAbsent(line.get(0), k -> new LinkedHashMap<>()).computeIfAbsent(line.get(2), k -> new LinkedHashMap<>())
                    .put(line.get(4), line.get(6));
            rowLabels.put(line.get(0) + "/" + line.get(2), line.get(3));
            titles.put(line.get(0), line.get(1));
            columnLabels.put(line.get(0) + "/" + line.get(4), line.get(5));
        }
        m.check("national.csv tables", TABLE_IDS, new ArrayList<>(cells.keySet()));
        for (JsonNode table : report.path("tables")) {
            String id = table.path("id").asText();
            String where = "national.csv table " + id;
            m.check(where + " title", table.path("title").asText(), titles.get(id));
            List<String> rowNumbers = new ArrayList<>(cells.getOrDefault(id, Map.of()).keySet());
            List<JsonNode> expectedRows = new ArrayList<>();
            table.path("rows").forEach(expectedRows::add);
            if (table.hasNonNull("total")) {
                expectedRows.add(table.get("total"));
            }
            m.check(where + " rows (total included)", expectedRows.size(), rowNumbers.size());
            for (int r = 0; r < Math.min(rowNumbers.size(), expectedRows.size()); r++) {
                Map<String, String> row = cells.get(id).get(rowNumbers.get(r));
                String rowLabel = rowLabels.get(id + "/" + rowNumbers.get(r));
                for (int c = 0; c < table.path("columns").size(); c++) {
                    JsonNode column = table.path("columns").get(c);
                    String key = column.path("key").asText();
                    JsonNode cell = expectedRows.get(r).get(c);
                    String at = where + " row " + rowNumbers.get(r) + " column " + key;
                    if (row.containsKey(key)) {
                        m.check(at, Sheets.sameValue(cell, row.get(key)), "JSON " + cell + " but CSV \"" + row.get(key) + "\"");
                        m.check(where + " label of column " + key, column.path("label").asText(), columnLabels.get(id + "/" + key));
                    } else {
                        m.check(at, "TEXT".equals(column.path("kind").asText()) && (cell.isNull() || rowLabel.contains(cell.asText())),
                                "no line; a label column's text " + cell + " belongs in label_baris \"" + rowLabel + "\"");
                    }
                }
            }
        }

        byte[] wide = keep("tabel-3-4.csv", evkin.download("/api/reports/national.csv?cycle=" + cycle + "&table=3.4", admin));
        m.check("3.4 csv", Sheets.hasBom(wide), "starts with a UTF-8 BOM");
        List<List<String>> table = Sheets.csv(wide);
        JsonNode t34 = table(report, "3.4");
        List<String> labels = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        t34.path("columns").forEach(c -> {
            labels.add(c.path("label").asText());
            keys.add(c.path("key").asText());
        });
        m.check("3.4 csv header", table.get(0).equals(labels) || table.get(0).equals(keys), "header " + table.get(0) + ", columns " + labels);
        m.check("3.4 csv rows", t34.path("rows").size(), table.size() - 1);
        for (int r = 0; r < Math.min(t34.path("rows").size(), table.size() - 1); r++) {
            for (int c = 0; c < keys.size(); c++) {
                JsonNode cell = t34.path("rows").get(r).get(c);
                String value = c < table.get(r + 1).size() ? table.get(r + 1).get(c) : "(missing)";
                m.check("3.4 csv row " + (r + 1) + " column " + keys.get(c), Sheets.sameValue(cell, value),
                        "JSON " + cell + " but CSV \"" + value + "\"");
            }
        }

        byte[] xlsx = keep("national.xlsx", evkin.download("/api/reports/national.xlsx?cycle=" + cycle, admin));
        List<String> sheets = Sheets.xlsxSheets(xlsx);
        m.check("national.xlsx sheets (the tables and one about the report)", report.path("tables").size() + 1, sheets.size());
        m.assertNone("CSV and XLSX of the national report");
    }

    @Test
    @Order(5)
    void theNationalPdfShowsEveryTableAndItsValuesInIndonesianFormat() throws Exception {
        JsonNode report = evkin.getJson("/api/reports/national?cycle=" + cycle, admin);
        String text = PdfText.of(keep("national.pdf", evkin.download("/api/reports/national.pdf?cycle=" + cycle, admin)));
        Mismatches m = new Mismatches();
        for (JsonNode table : report.path("tables")) {
            String title = PdfText.normalize(table.path("title").asText());
            m.check("national PDF", text.contains(title), "shows the title of table " + table.path("id").asText() + ": " + title);
        }
        for (JsonNode row : table(report, "3.4").path("rows")) {
            for (int c = 3; c < row.size(); c++) {
                if (!row.get(c).isNull()) {
                    String value = Sheets.indonesian(row.get(c));
                    m.check("national PDF table 3.4", text.contains(value), "shows " + value + " (" + row.get(1).asText() + ")");
                }
            }
        }
        JsonNode kesimpulan = table(report, "G3.1").path("total");
        m.check("national PDF Gambar 3.1", text.contains(Sheets.indonesian(kesimpulan.get(4))), "shows the PAK mean "
                + Sheets.indonesian(kesimpulan.get(4)));
        m.check("national PDF Gambar 3.1", text.contains(kesimpulan.get(3).asText()), "shows the predikat " + kesimpulan.get(3));
        m.check("national PDF table 3.1", text.contains(table(report, "3.1").path("total").get(3).asText()),
                "shows the number enrolled");
        m.assertNone("the national PDF");
    }

    // ------------------------------------------------------------------ individual reports

    @Test
    @Order(6)
    void everyIndividualReportMatchesTheIndependentComputation() throws Exception {
        Mismatches m = new Mismatches();
        Map<String, Integer> statuses = new TreeMap<>();
        for (Participant p : data.eligibleParticipants()) {
            long id = ids().get(p.key());
            JsonNode json = individualJson.get(id);
            ExpectedIndividual expected = calculator.individual(p);
            statuses.merge(expected.status(), 1, Integer::sum);
            compareIndividual(p, id, json, expected, m);
        }
        System.out.println("Individual reports compared: " + statuses);
        m.assertNone("individual reports");
        for (String status : List.of("FINAL", "PARTIAL", "PENDING")) {
            assertTrue(statuses.getOrDefault(status, 0) > 0, "the dataset has " + status + " reports: " + statuses);
        }

        Participant someone = data.eligibleParticipants().get(7);
        long id = ids().get(someone.key());
        JsonNode latest = evkin.getJson("/api/participants/" + id + "/report", admin);
        assertEquals(individualJson.get(id).path("status").asText(), latest.path("status").asText(), "without ?cycle: the latest cycle");
        assertEquals(cycle, latest.path("cycleId").asLong());
        HttpResponse<byte[]> asPdf = evkin.getBytes("/api/participants/" + id + "/report?cycle=" + cycle, admin, "application/pdf");
        assertEquals(200, asPdf.statusCode());
        assertTrue(PdfText.of(asPdf.body()).contains(someone.name()), "Accept: application/pdf gives the PDF");
        assertTrue(PdfText.of(evkin.download("/api/participants/" + id + "/report.pdf?cycle=" + cycle, admin)).contains(someone.name()));
    }

    @Test
    @Order(7)
    void everyIndividualPdfShowsTheParticipantsResultAndNothingOfTheRaters() throws Exception {
        Mismatches m = new Mismatches();
        for (Participant p : data.eligibleParticipants()) {
            long id = ids().get(p.key());
            String where = "PDF of " + p.name() + " (id " + id + ")";
            String text = PdfText.of(individualPdfs.get(id));
            JsonNode json = individualJson.get(id);
            ExpectedIndividual expected = calculator.individual(p);
            m.check(where, text.contains(p.name()), "shows the name");
            // what the report says besides the profile: the activity labels ("… Kurang Ideal") and the programs' own texts
            String profileText = text;
            List<String> otherTexts = new ArrayList<>();
            for (String label : List.of("idealLabel", "notIdealLabel")) {
                otherTexts.add(json.path("activity").path(label).asText(""));
            }
            p.enrolments().forEach(e -> otherTexts.addAll(catalog.programs().get(e.program()).reportTexts()));
            for (String other : otherTexts) {
                if (!other.isBlank()) {
                    profileText = profileText.replace(PdfText.normalize(other), " ");
                }
            }
            if (expected.conclusion() != null) {
                m.check(where, text.contains(expected.conclusion().predicate()), "shows the predikat " + expected.conclusion().predicate());
                Map<String, Integer> categories = new HashMap<>();
                expected.profile().forEach(s -> s.rows().stream().filter(ExpectedRow::rated)
                        .forEach(r -> categories.merge(r.category(), 1, Integer::sum)));
                for (Map.Entry<String, Integer> c : categories.entrySet()) {
                    int shown = occurrences(profileText, c.getKey());
                    m.check(where, shown >= c.getValue(), "shows the category " + c.getKey() + " " + c.getValue() + " times, found " + shown);
                }
            } else {
                m.check(where, !text.contains("Berkinerja"), "shows no predikat while pending");
                for (Band b : ReportCalculator.BANDS) {
                    m.check(where, occurrences(profileText, b.category()) == 0, "shows no category while pending: "
                            + b.category());
                }
                Set<String> missingLabels = new TreeSet<>();
                json.path("programs").forEach(g -> g.path("missingLabels").forEach(l -> missingLabels.add(l.asText())));
                boolean someMissing = expected.programs().stream().anyMatch(g -> g.eligible() && !g.missing().isEmpty());
                m.check(where, !someMissing || !missingLabels.isEmpty(), "names the missing raters in the JSON");
                for (String label : missingLabels) {
                    m.check(where, text.toLowerCase().contains(label.toLowerCase()), "names the missing rater " + label);
                }
            }
            checkPrivacy(where, p, text, m);
        }
        m.assertNone("individual PDFs");
    }

    @Test
    @Order(8)
    void theZipOfIndividualReportsFollowsItsFilters() throws Exception {
        assertEquals(expectedEntries(p -> true), new TreeSet<>(individualPdfs.keySet().stream().map(id -> id + ".pdf").toList()));
        String program = "GENAI-PK-2025";
        Set<String> byProgram = Sheets.unzip(evkin.download("/api/reports/individual.zip?cycle=" + cycle + "&program=" + program,
                admin)).keySet();
        assertEquals(expectedEntries(p -> p.eligibleEnrolments().stream().anyMatch(e -> e.program().equals(program))),
                new TreeSet<>(byProgram), "individual.zip?program=" + program);
        String province = "Bali";
        Set<String> byProvince = Sheets.unzip(evkin.download("/api/reports/individual.zip?cycle=" + cycle + "&province=" + province,
                admin)).keySet();
        assertEquals(expectedEntries(p -> p.province().equals(province)), new TreeSet<>(byProvince), "individual.zip?province=Bali");
        // an unknown cycle (found by the fuzzer: it was a 500) is refused before the ZIP starts
        HttpResponse<byte[]> unknown = evkin.getBytes("/api/reports/individual.zip?cycle=" + (cycle + 1000), admin, null);
        String answer = new String(unknown.body(), StandardCharsets.UTF_8);
        assertEquals(404, unknown.statusCode(), answer);
        assertTrue(answer.contains("Siklus evaluasi tersebut tidak ditemukan."), answer);
    }

    @Test
    @Order(9)
    void participantsWithoutAnEligibleEnrolmentGetNoReport() throws Exception {
        List<Participant> ineligible = data.participants().stream().filter(p -> p.eligibleEnrolments().isEmpty()).toList();
        assertFalse(ineligible.isEmpty());
        Map<String, Participant> byIdentity = new HashMap<>();
        ineligible.forEach(p -> byIdentity.put(identity(p.nip(), p.name()), p));
        long max = individualPdfs.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
        int seen = 0;
        for (long id = 1; id <= max + 10; id++) {
            if (individualPdfs.containsKey(id)) {
                continue;
            }
            HttpResponse<String> r = evkin.get("/api/participants/" + id + "/report?cycle=" + cycle, admin);
            if (r.statusCode() == 200) {
                JsonNode json = ReportDistribution.JSON.readTree(r.body());
                Participant p = byIdentity.get(identity(json.path("participant")));
                assertTrue(p != null, "a report outside the ZIP belongs to a participant without an eligible enrolment: " + r.body());
                assertEquals("NOT_ELIGIBLE", json.path("status").asText(), p.name());
                assertTrue(json.path("conclusion").isNull() || json.path("conclusion").isMissingNode(), p.name());
                seen++;
            } else {
                assertTrue(r.statusCode() == 404 || r.statusCode() == 409 || r.statusCode() == 422, id + ": " + r.statusCode());
            }
        }
        System.out.println("Participants without an eligible enrolment answered with NOT_ELIGIBLE: " + seen + " of " + ineligible.size());
    }

    /**
     * Whole-cycle reports take turns (config/org.evkin.admin.cfg as shipped: one at a time, four may wait, 20 s). An admin
     * whose client stops reading a ZIP of individual reports holds the slot; meanwhile four national reports wait their
     * turn and the next two are refused at once with 503, Retry-After and an Indonesian message. When that client goes
     * away the slot is free again: the four waiting are served, and so is the next.
     */
    @Test
    @Order(10)
    void wholeCycleReportsTakeTurnsAndAClientThatLeavesFreesItsSlot() throws Exception {
        String national = "/api/reports/national?cycle=" + cycle;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<HttpResponse<String>>> waiting = new ArrayList<>();
        try (java.net.Socket stalled = new java.net.Socket()) {
            stalled.setReceiveBufferSize(8192); // with a small window the server must stop writing the 13 MB ZIP
            stalled.connect(new java.net.InetSocketAddress("127.0.0.1", evkin.port), 5000);
            stalled.getOutputStream().write(("GET /api/reports/individual.zip?cycle=" + cycle + " HTTP/1.1\r\nHost: 127.0.0.1:"
                    + evkin.port + "\r\nAuthorization: Bearer " + admin + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] head = stalled.getInputStream().readNBytes(4096);
            String status = new String(head, 0, Math.min(head.length, 12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 200", status, "the ZIP has started: its slot is taken");

            for (int i = 0; i < 4; i++) {
                waiting.add(pool.submit(() -> evkin.get(national, admin)));
            }
            Thread.sleep(1500); // the four are in the queue now
            for (java.util.concurrent.Future<HttpResponse<String>> w : waiting) {
                assertFalse(w.isDone(), "a national report waits while the slot is taken");
            }
            for (int i = 0; i < 2; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> refused = evkin.get(national, admin);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertEquals(503, refused.statusCode(), refused.body());
                assertTrue(ms < 3000, "refused at once, not after a wait: " + ms + " ms");
                assertEquals("20", refused.headers().firstValue("Retry-After").orElse(null));
                JsonNode error = ReportDistribution.JSON.readTree(refused.body());
                assertEquals("reportsBusy", error.path("error").asText());
                assertEquals("Server sedang menyusun laporan lain untuk admin lain. Silakan coba lagi dalam 20 detik.",
                        error.path("message").asText());
            }
        } // the stalled client goes away: the server's next write of the ZIP fails and its slot is released
        try {
            for (java.util.concurrent.Future<HttpResponse<String>> w : waiting) {
                HttpResponse<String> served = w.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(200, served.statusCode(), served.body());
                assertEquals(cycle, ReportDistribution.JSON.readTree(served.body()).path("filter").path("cycleId").asLong());
            }
        } finally {
            pool.shutdownNow();
        }
        HttpResponse<String> next = evkin.get(national, admin);
        assertEquals(200, next.statusCode(), "no slot is left taken: " + next.body());
    }

    // ------------------------------------------------------------------ comparisons

    private static void compareNational(Scope scope, String token, Mismatches m) throws Exception {
        JsonNode report = evkin.getJson("/api/reports/national?cycle=" + cycle + scope.query(), token);
        compareTables("national" + scope.query(), report, calculator.national(scope), m);
    }

    private static void compareTables(String scope, JsonNode report, Map<String, ExpectedTable> expected, Mismatches m) {
        List<String> ids = new ArrayList<>();
        report.path("tables").forEach(t -> ids.add(t.path("id").asText()));
        m.check(scope + " table ids", TABLE_IDS, ids);
        for (ExpectedTable t : expected.values()) {
            m.table(scope, t, table(report, t.id()));
        }
    }

    private static void compareIndividual(Participant p, long id, JsonNode json, ExpectedIndividual expected, Mismatches m) {
        String where = "report of " + p.name() + " (id " + id + ", " + p.target() + ", " + p.province() + ")";
        m.check(where + " name", p.name(), json.path("participant").path("name").asText());
        m.check(where + " province", p.province(), json.path("participant").path("province").asText());
        m.check(where + " status", expected.status(), json.path("status").asText());

        Map<String, JsonNode> programs = new HashMap<>();
        json.path("programs").forEach(g -> programs.put(g.path("code").asText(), g));
        m.check(where + " programs", expected.programs().stream().map(ExpectedProgram::code).collect(Collectors.toCollection(TreeSet::new)),
                new TreeSet<>(programs.keySet()));
        for (ExpectedProgram g : expected.programs()) {
            JsonNode actual = programs.get(g.code());
            if (actual == null) {
                continue;
            }
            m.check(where + " " + g.code() + " eligible", g.eligible(), actual.path("eligible").asBoolean());
            m.check(where + " " + g.code() + " result", g.result(), actual.path("result").asBoolean());
            if (g.eligible()) {
                Set<String> missing = new TreeSet<>();
                actual.path("missingSources").forEach(s -> missing.add(s.asText()));
                m.check(where + " " + g.code() + " missing raters", g.missing().stream().map(Source::name)
                        .collect(Collectors.toCollection(TreeSet::new)), missing);
            }
        }

        JsonNode profile = json.path("profile");
        m.check(where + " profile sections", expected.profile().size(), profile.size());
        for (int i = 0; i < Math.min(expected.profile().size(), profile.size()); i++) {
            ExpectedSection section = expected.profile().get(i);
            JsonNode actual = profile.get(i);
            m.check(where + " section " + section.no(), section.name(), actual.path("name").asText());
            m.check(where + " section " + section.no() + " rows", section.rows().size(), actual.path("rows").size());
            for (int r = 0; r < Math.min(section.rows().size(), actual.path("rows").size()); r++) {
                ExpectedRow row = section.rows().get(r);
                JsonNode a = actual.path("rows").get(r);
                String at = where + " subkompetensi " + row.no() + " " + row.name();
                m.check(at + " no", row.no(), a.path("no").asInt());
                m.check(at + " rated", row.rated(), a.path("rated").asBoolean());
                m.check(at + " category", row.category(), a.path("category").asText());
                m.cell(at + " score", row.score(), a.get("score"));
                m.check(at + " explanation", row.explanation(), a.path("explanation").asText());
            }
        }

        JsonNode conclusion = json.get("conclusion");
        if (expected.conclusion() == null) {
            m.check(where + " conclusion", conclusion == null || conclusion.isNull(), "none expected, but was " + conclusion);
        } else if (conclusion == null || conclusion.isNull()) {
            m.check(where + " conclusion", false, "missing; expected " + expected.conclusion());
        } else {
            m.cell(where + " conclusion score", expected.conclusion().score(), conclusion.get("score"));
            m.check(where + " predikat", expected.conclusion().predicate(), conclusion.path("predicate").asText());
        }

        JsonNode activity = json.get("activity");
        ExpectedActivity a = expected.activity();
        if (a == null) {
            m.check(where + " activity", activity == null || activity.isNull(), "none for PAK, but was " + activity);
        } else if (activity == null || activity.isNull()) {
            m.check(where + " activity", false, "missing for PK");
        } else {
            m.check(where + " activity shown", a.shown(), activity.path("shown").asBoolean());
            m.check(where + " activity own level", p.target(), activity.path("ownLevel").asText());
            if (a.shown()) {
                m.check(where + " activity ideal", a.ideal(), activity.path("ideal").asBoolean());
                m.check(where + " activity threshold", 75, activity.path("thresholdPercent").asInt());
                Map<String, JsonNode> rows = new HashMap<>();
                activity.path("rows").forEach(r -> rows.put(r.path("level").asText(), r));
                m.check(where + " activity levels", a.rows().keySet(), rows.keySet());
                a.rows().forEach((level, values) -> {
                    JsonNode r = rows.get(level);
                    if (r != null) {
                        m.check(where + " activity " + level + " count", values[0], r.path("count").asInt());
                        m.check(where + " activity " + level + " percentage", values[1], r.path("percentage").asInt());
                        m.check(where + " activity " + level + " label", r.path("label").asText().endsWith(catalog.levelLabel(level)),
                                "label " + r.path("label"));
                    }
                });
            } else {
                m.check(where + " activity missing Part-1 raters", a.missing().size(), activity.path("missingLabels").size());
            }
        }
        checkPrivacy(where + " JSON", p, json.toString(), m);
    }

    /** No rater's name and no item (code or statement) of the participant's forms may appear. */
    private static void checkPrivacy(String where, Participant p, String text, Mismatches m) {
        for (Source s : List.of(Source.ATASAN, Source.REKAN, Source.PENGGUNA)) {
            String token = DatasetGenerator.raterToken(p.key(), s);
            m.check(where, !text.contains(token), "contains the name of the " + s + " rater (" + p.raters().get(s).name() + ")");
        }
        for (Enrolment e : p.enrolments()) {
            for (Catalog.Item item : catalog.items(e.program(), p.target())) {
                m.check(where, !text.contains(item.code()), "contains the item code " + item.code());
                String statement = PdfText.normalize(item.other());
                m.check(where, !text.contains(statement.substring(0, Math.min(60, statement.length()))),
                        "contains the statement of item " + item.code());
            }
        }
    }

    /** Occurrences of a category as words: "Baik" not counted inside "Sangat Baik". */
    private static int occurrences(String text, String category) {
        String prefix = category.startsWith("Sangat ") ? "" : "(?<!Sangat )";
        Matcher matcher = Pattern.compile(prefix + "\\b" + Pattern.quote(category) + "\\b").matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    // ------------------------------------------------------------------ helpers

    /**
     * The server's ids of the participants: the ZIP of individual reports has one {id}.pdf per participant with an eligible
     * enrolment; each id's JSON report names the participant (NIP, or the name for PAK without NIP).
     */
    private static Map<Integer, Long> ids() throws Exception {
        if (ids == null) {
            Map<String, Participant> byIdentity = new HashMap<>();
            data.participants().forEach(p -> byIdentity.put(identity(p.nip(), p.name()), p));
            Map<Long, byte[]> pdfs = new TreeMap<>();
            Map<Long, JsonNode> json = new HashMap<>();
            Map<Integer, Long> keys = new HashMap<>();
            byte[] zip = keep("individual.zip", evkin.download("/api/reports/individual.zip?cycle=" + cycle, admin));
            for (Map.Entry<String, byte[]> e : Sheets.unzip(zip).entrySet()) {
                assertTrue(e.getKey().matches("\\d+\\.pdf"), "entry name {participantId}.pdf: " + e.getKey());
                long id = Long.parseLong(e.getKey().replace(".pdf", ""));
                pdfs.put(id, e.getValue());
                JsonNode report = evkin.getJson("/api/participants/" + id + "/report?cycle=" + cycle, admin);
                Participant p = byIdentity.get(identity(report.path("participant")));
                assertTrue(p != null, "the report of " + id + " is of a generated participant: " + report.path("participant"));
                json.put(id, report);
                keys.put(p.key(), id);
            }
            individualPdfs = pdfs;
            individualJson = json;
            ids = keys;
        }
        return ids;
    }

    private static String identity(String nip, String name) {
        return nip != null ? "nip:" + nip : "name:" + name;
    }

    private static String identity(JsonNode participant) {
        String nip = participant.path("nip").asText("");
        return identity(nip.isEmpty() || participant.path("nip").isNull() ? null : nip, participant.path("name").asText());
    }

    /** The ZIP entry names of the participants with an eligible enrolment that match. */
    private static Set<String> expectedEntries(Predicate<Participant> matches) throws Exception {
        Set<String> names = new TreeSet<>();
        for (Participant p : data.eligibleParticipants()) {
            if (matches.test(p)) {
                names.add(ids().get(p.key()) + ".pdf");
            }
        }
        return names;
    }

    /** Keeps a downloaded file in target/report-dataset. */
    private static byte[] keep(String name, byte[] bytes) throws IOException {
        Files.write(FILES.resolve(name), bytes);
        return bytes;
    }

    private static JsonNode table(JsonNode report, String id) {
        for (JsonNode t : report.path("tables")) {
            if (t.path("id").asText().equals(id)) {
                return t;
            }
        }
        return null;
    }

    /** The dataset's shape, printed with the test's output. */
    private static String shape(long enrolments, long eligible, List<byte[]> responses) {
        Map<String, Long> byTarget = data.participants().stream().collect(Collectors.groupingBy(Participant::target, TreeMap::new,
                Collectors.counting()));
        long provinces = data.participants().stream().map(Participant::province).distinct().count();
        long variants = data.participants().stream().filter(p -> !p.provinceWritten().equals(p.province())).count();
        long concluded = data.participants().stream().filter(p -> calculator.participant(p).conclusion()).count();
        long mapped = data.participants().stream().filter(p -> !p.pak() && calculator.participant(p).conclusion()
                && ReportCalculator.allPart1Submitted(p)).count();
        long answers = responses.stream().mapToLong(r -> new String(r, StandardCharsets.UTF_8).lines().count() - 1).sum();
        return "Dataset (seed " + DatasetGenerator.SEED + "): " + data.participants().size() + " participants " + byTarget + " in "
                + provinces + " provinces (" + variants + " written as variants), " + enrolments + " enrolments (" + eligible
                + " eligible), " + Dataset.formCount(data.participants()) + " forms in " + answers + " response rows ("
                + responses.size() + " files); " + concluded + " with a conclusion, " + mapped + " PK of them mapped in Part 1";
    }
}
