import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;

/**
 * Report benchmark data and timings (run by reports.sh with the MariaDB driver on the class path): writes N participants
 * with four submitted Part-2 forms per program and three Part-1 forms straight into the running distribution's database
 * (the responses import would take hours at this size and is measured elsewhere), then times the national report JSON,
 * one individual PDF and a ZIP of 1 000 individual PDFs over HTTP.
 * Usage: java -cp mariadb-java-client.jar ReportsBench.java BASE_URL ADMIN_EMAIL ADMIN_PASSWORD JDBC_URL PARTICIPANTS
 */
public class ReportsBench {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final String[] ROLES = {"DIRI", "ATASAN", "REKAN", "PENGGUNA"};
    static final String[] LEVELS = {"AHLI_PERTAMA", "AHLI_MUDA", "AHLI_MADYA", "AHLI_UTAMA"};
    static final String[] PROVINCES = {"Jawa Barat", "Jawa Tengah", "Jawa Timur", "Banten", "Bali", "Sulawesi Selatan",
            "Sumatera Utara", "Kalimantan Timur", "Nusa Tenggara Timur", "Papua"};
    static String base;
    static String token;

    public static void main(String[] args) throws Exception {
        base = args[0];
        int n = Integer.parseInt(args[4]);
        token = field(post("/api/auth/token", "{\"email\":\"" + args[1] + "\",\"password\":\"" + args[2] + "\"}"), "token");
        long cycle = Long.parseLong(field(post("/api/cycles", "{\"name\":\"Bench " + n + " " + Instant.now() + "\"}"), "id"));
        String[] pkPrograms = {"CDMP-SEA-2025", "GENAI-PK-2025"};
        String pakProgram = "GENAI-PAK-2025";
        for (String p : List.of(pkPrograms[0], pkPrograms[1], pakProgram)) {
            put("/api/cycles/" + cycle + "/batteries/" + p, "{\"status\":\"ACTIVE\",\"periodStart\":\"2026-01-01\",\"periodEnd\":\"2026-12-31\"}");
        }
        Map<String, Map<String, List<String>>> items = new TreeMap<>();
        Map<String, String> versions = new TreeMap<>();
        for (String p : List.of(pkPrograms[0], pkPrograms[1], pakProgram)) {
            String json = get("/api/instruments/" + p);
            versions.put(p, field(json, "version"));
            Matcher m = Pattern.compile("\"code\":\"([A-Z0-9-]+)\",\"subcompetency\":\\d+,\"level\":\"([A-Z_]+)\"").matcher(json);
            Map<String, List<String>> byLevel = new TreeMap<>();
            while (m.find()) {
                byLevel.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(m.group(1));
            }
            items.put(p, byLevel);
        }
        List<String> tasks = new ArrayList<>();
        Matcher t = Pattern.compile("\"code\":\"((AP|AMU|AMA|AU)-\\d\\d-\\d\\d)\"").matcher(get("/api/competency-model"));
        while (t.find()) {
            tasks.add(t.group(1));
        }
        long t0 = System.nanoTime();
        long rows = write(args[3], cycle, n, pkPrograms, pakProgram, items, versions, tasks);
        System.out.printf("data: %d participants, %d rows written in %.0f s%n", n, rows, (System.nanoTime() - t0) / 1e9);

        get("/api/reports/national?cycle=" + cycle); // warm-up
        List<Long> ms = new ArrayList<>();
        int size = 0;
        for (int i = 0; i < 3; i++) {
            long s = System.nanoTime();
            size = get("/api/reports/national?cycle=" + cycle).length();
            ms.add((System.nanoTime() - s) / 1_000_000);
        }
        System.out.println("national JSON ms: " + ms + " (" + size + " bytes)");
        List<Long> pdf = new ArrayList<>();
        long pdfBytes = 0;
        for (int i = 0; i < 5; i++) {
            long s = System.nanoTime();
            pdfBytes = bytes("/api/participants/" + firstParticipant + "/report.pdf?cycle=" + cycle).length;
            pdf.add((System.nanoTime() - s) / 1_000_000);
        }
        System.out.println("one individual PDF ms: " + pdf + " (" + pdfBytes + " bytes)");
        long s = System.nanoTime();
        byte[] zip = bytes("/api/reports/individual.zip?cycle=" + cycle + "&province=Aceh");
        long zipMs = (System.nanoTime() - s) / 1_000_000;
        int entries = 0;
        try (ZipInputStream z = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            while (z.getNextEntry() != null) {
                entries++;
            }
        }
        System.out.println("batch: " + entries + " individual PDFs in " + zipMs + " ms (" + zip.length + " bytes)");
    }

    static long firstParticipant;

    static long write(String url, long cycle, int n, String[] pk, String pak, Map<String, Map<String, List<String>>> items,
            Map<String, String> versions, List<String> tasks) throws Exception {
        Random r = new Random(42);
        long rows = 0;
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            long pid = next(c, "participant");
            long fid = next(c, "form");
            firstParticipant = pid;
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO participant (id, identity_key, nip, email, name, kind, level,"
                    + " institution, province, district, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
                    PreparedStatement es = c.prepareStatement("INSERT INTO enrolment (cycle_id, participant_id, program_code,"
                            + " training_score, eligible, instrument_version, imported_at) VALUES (?,?,?,?,?,?,?)");
                    PreparedStatement fs = c.prepareStatement("INSERT INTO form (id, cycle_id, participant_id, rater_role, part,"
                            + " program_code, instrument_version, status, revision, source, started_at, updated_at, submitted_at)"
                            + " VALUES (?,?,?,?,?,?,?,'SUBMITTED',0,'IMPORT',?,?,?)");
                    PreparedStatement as = c.prepareStatement("INSERT INTO answer (form_id, item_code, value) VALUES (?,?,?)");
                    PreparedStatement ts = c.prepareStatement("INSERT INTO task_tick (form_id, task_code) VALUES (?,?)")) {
                for (int i = 0; i < n; i++, pid++) {
                    boolean isPak = i % 7 == 6;
                    String level = isPak ? null : LEVELS[Math.min(3, (int) Math.floor(r.nextDouble() * r.nextDouble() * 4.5))];
                    String nip = String.format("19%016d", pid);
                    ps.setLong(1, pid);
                    ps.setString(2, "nip:" + nip);
                    ps.setString(3, nip);
                    ps.setString(4, "p" + pid + "@bench.example");
                    ps.setString(5, "Peserta " + pid);
                    ps.setString(6, isPak ? "PAK" : "PK");
                    ps.setString(7, level);
                    ps.setString(8, "Dinas Tenaga Kerja " + (i % 500));
                    ps.setString(9, i < 1000 ? "Aceh" : PROVINCES[r.nextInt(PROVINCES.length)]);
                    ps.setString(10, "Kabupaten " + (i % 97));
                    ps.setTimestamp(11, now);
                    ps.setTimestamp(12, now);
                    ps.addBatch();
                    for (String program : isPak ? new String[] {pak} : pk) {
                        es.setLong(1, cycle);
                        es.setLong(2, pid);
                        es.setString(3, program);
                        es.setBigDecimal(4, new java.math.BigDecimal("85.00"));
                        es.setBoolean(5, true);
                        es.setString(6, versions.get(program));
                        es.setTimestamp(7, now);
                        es.addBatch();
                        List<String> own = items.get(program).getOrDefault(isPak ? "PAK" : level, List.of());
                        int quality = 1 + r.nextInt(4);
                        for (String role : ROLES) {
                            if (r.nextInt(50) == 0) {
                                continue; // a rater who never answered: no result for this program
                            }
                            form(fs, fid, cycle, pid, role, 2, program, versions.get(program), now);
                            for (String item : own) {
                                as.setLong(1, fid);
                                as.setString(2, item);
                                int v = Math.max(1, Math.min(4, quality + r.nextInt(3) - 1));
                                if (r.nextInt(20) == 0) {
                                    as.setNull(3, java.sql.Types.TINYINT);
                                } else {
                                    as.setInt(3, v);
                                }
                                as.addBatch();
                                rows++;
                            }
                            fid++;
                        }
                    }
                    if (!isPak) {
                        for (int k = 0; k < 3; k++) {
                            form(fs, fid, cycle, pid, ROLES[k], 1, "", null, now);
                            int ticks = 10 + r.nextInt(20);
                            for (String task : pick(tasks, ticks, r)) {
                                ts.setLong(1, fid);
                                ts.setString(2, task);
                                ts.addBatch();
                                rows++;
                            }
                            fid++;
                        }
                    }
                    if (i % 500 == 499 || i == n - 1) {
                        ps.executeBatch();
                        es.executeBatch();
                        fs.executeBatch();
                        as.executeBatch();
                        ts.executeBatch();
                        c.commit();
                        if (i % 10_000 == 9_999) {
                            System.out.println("  " + (i + 1) + " participants written");
                        }
                    }
                }
            }
        }
        return rows;
    }

    static void form(PreparedStatement fs, long id, long cycle, long pid, String role, int part, String program, String version,
            Timestamp now) throws Exception {
        fs.setLong(1, id);
        fs.setLong(2, cycle);
        fs.setLong(3, pid);
        fs.setString(4, role);
        fs.setInt(5, part);
        fs.setString(6, program);
        fs.setString(7, version);
        fs.setTimestamp(8, now);
        fs.setTimestamp(9, now);
        fs.setTimestamp(10, now);
        fs.addBatch();
    }

    static List<String> pick(List<String> all, int k, Random r) {
        List<String> copy = new ArrayList<>(all);
        java.util.Collections.shuffle(copy, r);
        return copy.subList(0, Math.min(k, copy.size()));
    }

    static long next(Connection c, String table) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json.substring(0, Math.min(300, json.length())));
        }
        return m.group(1);
    }

    static String get(String path) throws Exception {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String path) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " → " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.body();
    }

    static String post(String path, String json) throws Exception {
        return send("POST", path, json);
    }

    static String put(String path, String json) throws Exception {
        return send("PUT", path, json);
    }

    static String send(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).timeout(Duration.ofMinutes(1));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " → " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
