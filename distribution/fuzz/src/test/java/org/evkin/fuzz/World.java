package org.evkin.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.evkin.testing.Distribution;

/**
 * What the fuzzer starts from, set up through the real API as an admin and the participants would: accounts and
 * tokens, two cycles with open batteries, participants imported (SPEC §5 CSV), responses imported for one of them,
 * invitations whose personal links arrive by e-mail (GreenMail), profiles with supervisor and peer, a service user
 * with a short code, web sessions with their CSRF tokens.
 *
 * <p>Cycle 1 and the participants P1, P2, P3 are protected: the fuzzer never lets a request that would replace their
 * links (profile, service user, resend, reminders) or close their batteries reach them; such requests are redirected
 * to the sacrificial participant S and cycle 2 (see {@link Scope#guard}).
 */
final class World {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADMIN_EMAIL = "admin.fuzz@kemnaker.go.id";
    static final String ADMIN_PASSWORD = "Uji-Acak-2025!admin";
    static final String LOGIN_EMAIL = "masuk.fuzz@kemnaker.go.id";
    static final String LOGIN_PASSWORD = "Uji-Acak-2025!masuk";
    static final String REGIONAL_EMAIL = "jateng.fuzz@jatengprov.go.id";
    static final String REGIONAL_PASSWORD = "Uji-Acak-2025!jateng";
    static final String BISINDO = "COP-BISINDO-2025";
    static final String GENAI = "GENAI-PK-2025";
    static final String WONOGIRI = "BIMTEK-PAK-WONOGIRI-2025";
    /** The program the fuzzer may withdraw, re-upload and re-schedule: no participant of the fuzz is enrolled in it. */
    static final String SACRIFICIAL_PROGRAM = "GENAI-PAK-2025";
    static final List<String> PROGRAMS = List.of("BIMTEK-KONSELOR-JKP-2025", "BIMTEK-PAK-WONOGIRI-2025", "BIMTEK-PAK-YOGYA-2025",
            "CDMP-SEA-2025", "COP-BISINDO-2025", "COP-DISABILITAS-2025", "COP-JKP-DIS-2025", "GENAI-PAK-2025", "GENAI-PK-2025");
    static final String HEADER = "nip;nama;email;telepon;kategori;jenjang;instansi;provinsi;kabupaten_kota;program;nilai_pelatihan\n";
    private static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/t/([A-Za-z0-9_-]{43})");

    /** A personal link: its credential (token, or "k:" + short code), whose it is, and whether the fuzzer may spend it. */
    record Link(String name, String credential, long cycle, long participant, String role, boolean sacrificial) {
    }

    final Wire wire;
    final GreenMail smtp;
    final Distribution server;

    String admin;
    String regional;
    String login;
    String spare;
    long c1;
    long c2;
    long p1;
    long p2;
    long p3;
    long s;
    String shortCode;
    final Map<String, Link> links = new LinkedHashMap<>();
    final List<String> revoked = new ArrayList<>();
    final Map<String, List<String>> items = new LinkedHashMap<>();
    final List<String> tasks = new ArrayList<>();
    final Map<String, Integer> taskSub = new LinkedHashMap<>();
    String participantsCsv;
    String participantsCsvC2;
    String responsesCsv;
    byte[] participantsXlsx;
    byte[] instrumentJar;
    String session;
    String csrf;
    String session2;
    String csrf2;
    String preview;
    LocalDate today;

    World(Wire wire, GreenMail smtp, Distribution server) {
        this.wire = wire;
        this.smtp = smtp;
        this.server = server;
    }

    Link link(String name) {
        Link l = links.get(name);
        if (l == null) {
            throw new IllegalStateException("no link " + name + " in " + links.keySet());
        }
        return l;
    }

    /** The link behind a credential as a request names it (token, "k:code", a short code in any case with dashes). */
    Link byCredential(String credential) {
        if (credential == null) {
            return null;
        }
        for (Link l : links.values()) {
            if (l.credential().equals(credential)) {
                return l;
            }
        }
        String c = credential.startsWith("k:") ? credential.substring(2) : credential;
        String normal = c.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (shortCode != null && normal.equals(shortCode) && c.length() <= 24) {
            return links.get("P1.PENGGUNA");
        }
        return null;
    }

    // ---- set-up ----

    void setUp() throws Exception {
        today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        admin = token(ADMIN_EMAIL, ADMIN_PASSWORD);
        for (String p : List.of(BISINDO, GENAI, WONOGIRI, SACRIFICIAL_PROGRAM)) {
            awaitServed(p);
        }
        call("POST", "/api/accounts", admin, Map.of("email", LOGIN_EMAIL, "name", "Akun Masuk Fuzz", "password", LOGIN_PASSWORD,
                "role", "NATIONAL_ADMIN"), 201);
        call("POST", "/api/accounts", admin, Map.of("email", REGIONAL_EMAIL, "name", "Admin Jawa Tengah", "password",
                REGIONAL_PASSWORD, "role", "REGIONAL_ADMIN", "province", "Jawa Tengah"), 201);
        login = token(LOGIN_EMAIL, LOGIN_PASSWORD);
        spare = token(LOGIN_EMAIL, LOGIN_PASSWORD);
        regional = token(REGIONAL_EMAIL, REGIONAL_PASSWORD);

        c1 = call("POST", "/api/cycles", admin, Map.of("name", "EvKin Fuzz Utama"), 201).path("id").asLong();
        c2 = call("POST", "/api/cycles", admin, Map.of("name", "EvKin Fuzz Cadangan"), 201).path("id").asLong();
        for (long c : List.of(c1, c2)) {
            for (String p : List.of(BISINDO, GENAI, WONOGIRI)) {
                call("PUT", "/api/cycles/" + c + "/batteries/" + p, admin, Map.of("periodStart", today.minusDays(1).toString(),
                        "periodEnd", today.plusDays(30).toString()), 200);
            }
        }
        participantsCsv = HEADER
                + "198801012015011001;Peserta Satu;p1@fuzz.example.go.id;081234567890;PK;Ahli Muda;Disnaker Kota Yogyakarta;DIY;Kota Yogyakarta;" + BISINDO + ";85,5\n"
                + "198801012015011001;Peserta Satu;p1@fuzz.example.go.id;081234567890;PK;Ahli Muda;Disnaker Kota Yogyakarta;DIY;Kota Yogyakarta;" + GENAI + ";90\n"
                + "198802022016022002;Peserta Dua;p2@fuzz.example.go.id;;PK;Ahli Pertama;Disnaker Kabupaten Sleman;DI Yogyakarta;Kabupaten Sleman;" + BISINDO + ";80.25\n"
                + ";Peserta Tiga;p3@fuzz.example.go.id;;PAK;;LPK Maju Bersama;Jawa Tengah;Kabupaten Wonogiri;" + WONOGIRI + ";88\n"
                + "198804042018044004;Peserta Sanggar;s@fuzz.example.go.id;;PK;Ahli Muda;Disnaker Kota Yogyakarta;DIY;Kota Yogyakarta;" + BISINDO + ";77\n"
                + "198805052019055005;Peserta Tidak Layak;x@fuzz.example.go.id;;PK;Ahli Muda;Disnaker Kota Yogyakarta;DIY;Kota Yogyakarta;" + BISINDO + ";60\n";
        importCsv(c1, participantsCsv);
        participantsCsvC2 = HEADER
                + "198806062020066006;Peserta Cadangan;q1@fuzz.example.go.id;;PK;Ahli Madya;Disnaker Provinsi Jawa Tengah;Jawa Tengah;Kota Semarang;" + GENAI + ";91\n"
                + "198807072021077007;Peserta Cadangan Dua;q2@fuzz.example.go.id;;PK;Ahli Muda;Disnaker Provinsi Jawa Tengah;Jateng;Kota Semarang;" + BISINDO + ";75,5\n";
        importCsv(c2, participantsCsvC2);
        participantsXlsx = Junk.xlsx(participantsCsv.replace("\n", "\n").lines().map(l -> List.of(l.split(";", -1))).toList());

        for (String level : List.of("AHLI_PERTAMA", "AHLI_MUDA")) {
            items.put(BISINDO + "/" + level, itemCodes(BISINDO, level));
        }
        items.put(GENAI + "/AHLI_MUDA", itemCodes(GENAI, "AHLI_MUDA"));
        items.put(WONOGIRI + "/PAK", itemCodes(WONOGIRI, "PAK"));
        for (JsonNode t : call("GET", "/api/competency-model", null, null, 200).path("tasks")) {
            tasks.add(t.path("code").asText());
            taskSub.put(t.path("code").asText(), t.path("subcompetency").asInt());
        }

        // P2: paper forms of all four raters imported (a participant with a report)
        StringBuilder r = new StringBuilder("nip_or_email,program,rater_role,rater_name,rater_email,part,item_code,value\n");
        String[][] raters = {{"DIRI", "", ""}, {"ATASAN", "Pak Kepala Bidang", "kabid.p2@fuzz.example.go.id"},
            {"REKAN", "Bu Rekan Kerja", ""}, {"PENGGUNA", "Pencari Kerja", ""}};
        List<String> p2Items = items.get(BISINDO + "/AHLI_PERTAMA");
        for (String[] x : raters) {
            for (int i = 0; i < p2Items.size(); i++) {
                r.append("198802022016022002,").append(BISINDO).append(',').append(x[0]).append(',').append(x[1]).append(',')
                        .append(x[2]).append(",2,").append(p2Items.get(i)).append(',').append(i == 0 ? "NA" : String.valueOf(1 + i % 4))
                        .append('\n');
            }
        }
        for (String[] x : java.util.Arrays.copyOf(raters, 3)) {
            r.append("p2@fuzz.example.go.id,,").append(x[0]).append(',').append(x[1]).append(',').append(x[2]).append(",1,AP-08-01,1\n");
            r.append("p2@fuzz.example.go.id,,").append(x[0]).append(',').append(x[1]).append(',').append(x[2]).append(",1,AMU-08-02,0\n");
        }
        responsesCsv = r.toString();
        expect(wire.send(Seeds.bytes("POST", "/api/cycles/" + c1 + "/responses/import", admin, responsesCsv.getBytes(StandardCharsets.UTF_8),
                "text/csv")), 200, "responses import");

        call("POST", "/api/cycles/" + c1 + "/invitations", admin, null, 200);
        call("POST", "/api/cycles/" + c2 + "/invitations", admin, null, 200);
        String p1Token = tokenFor("p1@fuzz.example.go.id");
        p1 = call("GET", "/api/t/" + p1Token, null, null, 200).path("participant").path("id").asLong();
        links.put("P1.DIRI", new Link("P1.DIRI", p1Token, c1, p1, "DIRI", false));
        String p2Token = tokenFor("p2@fuzz.example.go.id");
        p2 = call("GET", "/api/t/" + p2Token, null, null, 200).path("participant").path("id").asLong();
        links.put("P2.DIRI", new Link("P2.DIRI", p2Token, c1, p2, "DIRI", false));
        String p3Token = tokenFor("p3@fuzz.example.go.id");
        p3 = call("GET", "/api/t/" + p3Token, null, null, 200).path("participant").path("id").asLong();
        links.put("P3.DIRI", new Link("P3.DIRI", p3Token, c1, p3, "DIRI", false));
        String sToken = tokenFor("s@fuzz.example.go.id");
        s = call("GET", "/api/t/" + sToken, null, null, 200).path("participant").path("id").asLong();
        links.put("S.DIRI", new Link("S.DIRI", sToken, c1, s, "DIRI", true));
        String q1Token = tokenFor("q1@fuzz.example.go.id");
        long q1 = call("GET", "/api/t/" + q1Token, null, null, 200).path("participant").path("id").asLong();
        links.put("Q1.DIRI", new Link("Q1.DIRI", q1Token, c2, q1, "DIRI", true));

        // P1: identity, profile (supervisor and peer get links by mail), self-assessments, a service user without e-mail
        call("POST", "/api/t/" + p1Token + "/identity", null, null, 200);
        call("PUT", "/api/t/" + p1Token + "/profile", null, profile("p1"), 200);
        links.put("P1.ATASAN", new Link("P1.ATASAN", tokenFor("atasan.p1@fuzz.example.go.id"), c1, p1, "ATASAN", false));
        links.put("P1.REKAN", new Link("P1.REKAN", tokenFor("rekan.p1@fuzz.example.go.id"), c1, p1, "REKAN", false));
        call("POST", "/api/t/" + p1Token + "/part2/" + BISINDO + "/submit", null, Map.of("answers", answers(BISINDO + "/AHLI_MUDA")), 200);
        call("POST", "/api/t/" + p1Token + "/part2/" + GENAI + "/submit", null, Map.of("answers", answers(GENAI + "/AHLI_MUDA")), 200);
        JsonNode pengguna = call("POST", "/api/t/" + p1Token + "/service-user", null, Map.of("name", "Pak Joko (pencari kerja)"), 200);
        shortCode = pengguna.path("shortCode").asText();
        links.put("P1.PENGGUNA", new Link("P1.PENGGUNA", "k:" + shortCode, c1, p1, "PENGGUNA", false));
        call("PUT", "/api/t/" + p1Token + "/part1/draft", null, part1Draft(), 200);
        call("PUT", "/api/t/" + link("P1.ATASAN").credential() + "/part2/" + BISINDO + "/draft", null,
                Map.of("answers", partial(BISINDO + "/AHLI_MUDA")), 200);
        // P3 (PAK): identity and a draft
        call("POST", "/api/t/" + p3Token + "/identity", null, null, 200);
        call("PUT", "/api/t/" + p3Token + "/part2/" + WONOGIRI + "/draft", null, Map.of("answers", partial(WONOGIRI + "/PAK")), 200);
        // S (sacrificial): identity, profile, self-assessment; one resend makes a revoked link
        call("POST", "/api/t/" + sToken + "/identity", null, null, 200);
        call("PUT", "/api/t/" + sToken + "/profile", null, profile("s"), 200);
        String firstAtasanOfS = tokenFor("atasan.s@fuzz.example.go.id");
        call("POST", "/api/t/" + sToken + "/part2/" + BISINDO + "/submit", null, Map.of("answers", answers(BISINDO + "/AHLI_MUDA")), 200);
        call("POST", "/api/t/" + sToken + "/raters/ATASAN/resend", null, null, 200);
        expect(wire.send(Seeds.json("GET", "/api/t/" + firstAtasanOfS, null, null)), 410, "the resent link replaces the first");
        revoked.add(firstAtasanOfS);

        // the web: the admin's session and CSRF token; a second, disposable session (sign-out seeds)
        String[] web = webLogin(ADMIN_EMAIL, ADMIN_PASSWORD);
        session = web[0];
        csrf = web[1];
        String[] web2 = webLogin(LOGIN_EMAIL, LOGIN_PASSWORD);
        session2 = web2[0];
        csrf2 = web2[1];
        Wire.Resp up = wire.send(Seeds.multipart("/admin/siklus/" + c2 + "/peserta", session, origin(), csrf, "berkas", "peserta.csv",
                "text/csv", participantsCsvC2.getBytes(StandardCharsets.UTF_8)));
        Matcher m = Pattern.compile("name=\"pratinjau\" value=\"([^\"]+)\"").matcher(up.text());
        preview = m.find() ? m.group(1) : "tidak-ada";

        try (Stream<Path> jars = Files.list(server.home.resolve("deploy"))) {
            Path jar = jars.filter(p -> p.getFileName().toString().contains("genai-pak")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no genai-pak jar in deploy/"));
            instrumentJar = Files.readAllBytes(jar);
        }
    }

    String origin() {
        return wire.base();
    }

    Map<String, Object> profile(String who) {
        return Map.of("workLocation", "Disnaker Kota Yogyakarta, Bidang Penempatan",
                "supervisor", Map.of("name", "Bapak Atasan " + who.toUpperCase(Locale.ROOT), "email", "atasan." + who + "@fuzz.example.go.id"),
                "peer", Map.of("name", "Ibu Rekan " + who.toUpperCase(Locale.ROOT), "email", "rekan." + who + "@fuzz.example.go.id",
                        "phone", "0274 123456"));
    }

    Map<String, String> answers(String key) {
        Map<String, String> a = new LinkedHashMap<>();
        List<String> codes = items.get(key);
        for (int i = 0; i < codes.size(); i++) {
            a.put(codes.get(i), i == 0 ? "NA" : String.valueOf(1 + i % 4));
        }
        return a;
    }

    Map<String, String> partial(String key) {
        Map<String, String> a = new LinkedHashMap<>();
        List<String> codes = items.get(key);
        for (int i = 0; i < codes.size() / 2; i++) {
            a.put(codes.get(i), String.valueOf(1 + i % 4));
        }
        return a;
    }

    Map<String, Object> part1Draft() {
        return Map.of("scope", List.of(5, 8), "ticks", List.of("AMU-05-01", "AP-08-01", "AMA-08-02"));
    }

    private List<String> itemCodes(String program, String level) throws Exception {
        List<String> codes = new ArrayList<>();
        call("GET", "/api/instruments/" + program + "/form?level=" + level + "&rater=ATASAN", null, null, 200).path("groups")
                .forEach(g -> g.path("items").forEach(i -> codes.add(i.path("code").asText())));
        if (codes.isEmpty()) {
            throw new IllegalStateException("no items of " + program + " at " + level);
        }
        return codes;
    }

    private void importCsv(long cycle, String csv) throws Exception {
        expect(wire.send(Seeds.bytes("POST", "/api/cycles/" + cycle + "/participants/import", admin, csv.getBytes(StandardCharsets.UTF_8),
                "text/csv")), 200, "participants import into cycle " + cycle);
    }

    private String[] webLogin(String email, String password) throws Exception {
        Wire.Resp r = wire.send(Seeds.form("POST", "/masuk", null, origin(), List.of(new String[] {"email", email},
                new String[] {"password", password}, new String[] {"lanjut", "/admin"})));
        String cookie = null;
        for (String[] h : r.headers()) {
            if (h[0].equalsIgnoreCase("set-cookie") && h[1].startsWith("EVKIN_SESSION=")) {
                cookie = h[1].substring("EVKIN_SESSION=".length()).split(";")[0];
            }
        }
        if (r.status() != 303 || cookie == null || cookie.isEmpty()) {
            throw new IllegalStateException("web sign-in of " + email + " answered " + r.status() + " " + r.headers().stream()
                    .map(h -> h[0] + ": " + h[1]).toList() + "\n" + r.text());
        }
        Wire.Resp page = wire.send(Seeds.page("GET", "/admin", cookie));
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.text());
        if (page.status() != 200 || !m.find()) {
            throw new IllegalStateException("no CSRF token on /admin (" + page.status() + "):\n" + page.text());
        }
        return new String[] {cookie, m.group(1)};
    }

    private String token(String email, String password) throws Exception {
        Wire.Resp r = null;
        for (int i = 0; i < 100; i++) {
            r = wire.send(Seeds.json("POST", "/api/auth/token", null, Map.of("email", email, "password", password)));
            if (r.status() == 200) {
                return JSON.readTree(r.body()).path("token").asText();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("cannot sign in as " + email + ": " + r.status() + " " + r.text());
    }

    private void awaitServed(String program) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (wire.send(Seeds.json("GET", "/api/instruments/" + program, null, null)).status() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(program + " is not served");
    }

    /** The link of the newest mail to this address (waits up to 60 s for the first). */
    private String tokenFor(String to) throws Exception {
        for (int i = 0; i < 600; i++) {
            String token = null;
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (m.getRecipients(Message.RecipientType.TO)[0].toString().equalsIgnoreCase(to)) {
                    Matcher matcher = LINK.matcher(GreenMailUtil.getBody(m).replace("=\r\n", "").replace("=3D", "="));
                    if (matcher.find()) {
                        token = matcher.group(1);
                    }
                }
            }
            if (token != null) {
                return token;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no mail with a link reached " + to + "\n" + server.log());
    }

    JsonNode call(String method, String path, String bearer, Object body, int expected) throws Exception {
        Wire.Resp r = wire.send(Seeds.json(method, path, bearer, body));
        expect(r, expected, method + " " + path);
        return r.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(r.body());
    }

    private Wire.Resp expect(Wire.Resp r, int status, String what) {
        if (r.status() != status) {
            throw new IllegalStateException("set-up: " + what + " answered " + r.status() + " instead of " + status + ": " + r.text()
                    + (r.error() == null ? "" : " (" + r.error() + ")"));
        }
        return r;
    }
}
