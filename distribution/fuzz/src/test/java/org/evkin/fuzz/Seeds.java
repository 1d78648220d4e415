package org.evkin.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The valid requests the fuzzer mutates: at least one for every path of the JSON API (openapi.json) and of the pages
 * (org.evkin.web/README.md), built on the {@link World} the set-up made. Each is answered below 400 as it stands.
 */
final class Seeds {

    /** A request body before it is written: JSON, text (CSV), bytes (XLSX, JAR), a urlencoded form, a multipart form. */
    sealed interface Body permits None, Json, Txt, Bin, Form, Multi {
    }

    record None() implements Body {
    }

    record Json(JsonNode node) implements Body {
    }

    record Txt(String text, String kind) implements Body {
    }

    record Bin(byte[] data, String kind) implements Body {
    }

    record Form(List<String[]> fields) implements Body {
    }

    record Part(String name, String filename, String type, byte[] data) {
    }

    record Multi(List<Part> parts, String boundary) implements Body {
    }

    /** A valid request: method, path segments (already percent-encoded where needed), query, headers, body. */
    record Seed(String name, String method, List<String> segments, List<String[]> query, List<String[]> headers, Body body) {

        Wire.Req req() {
            return Seeds.render(method, segments, query, headers, body);
        }

        boolean api() {
            return !segments.isEmpty() && segments.get(0).equals("api");
        }
    }

    private Seeds() {
    }

    // ---- rendering ----

    static Wire.Req render(String method, List<String> segments, List<String[]> query, List<String[]> headers, Body body) {
        StringBuilder t = new StringBuilder();
        for (String s : segments) {
            t.append('/').append(s);
        }
        if (t.length() == 0) {
            t.append('/');
        }
        if (!query.isEmpty()) {
            t.append('?');
            for (int i = 0; i < query.size(); i++) {
                t.append(i == 0 ? "" : "&").append(query.get(i)[0]).append(query.get(i)[1] == null ? "" : "=" + query.get(i)[1]);
            }
        }
        return new Wire.Req(method, t.toString(), headers, bytes(body), null);
    }

    static byte[] bytes(Body body) {
        if (body instanceof Json j) {
            try {
                return World.JSON.writeValueAsBytes(j.node());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        if (body instanceof Txt t) {
            return t.text().getBytes(StandardCharsets.UTF_8);
        }
        if (body instanceof Bin b) {
            return b.data();
        }
        if (body instanceof Form f) {
            StringBuilder sb = new StringBuilder();
            for (String[] kv : f.fields()) {
                sb.append(sb.length() == 0 ? "" : "&").append(Text.encode(kv[0])).append('=').append(Text.encode(kv[1]));
            }
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (body instanceof Multi m) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Part p : m.parts()) {
                out.writeBytes(("--" + m.boundary() + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\""
                        + (p.filename() == null ? "" : "; filename=\"" + p.filename() + "\"") + "\r\n"
                        + (p.type() == null ? "" : "Content-Type: " + p.type() + "\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.writeBytes(p.data());
                out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.writeBytes(("--" + m.boundary() + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }
        return new byte[0];
    }

    static List<String> segments(String path) {
        List<String> s = new ArrayList<>();
        for (String x : path.split("\\?")[0].split("/")) {
            if (!x.isEmpty()) {
                s.add(x);
            }
        }
        return s;
    }

    static List<String[]> query(String path) {
        List<String[]> q = new ArrayList<>();
        int i = path.indexOf('?');
        if (i >= 0) {
            for (String kv : path.substring(i + 1).split("&")) {
                int e = kv.indexOf('=');
                q.add(e < 0 ? new String[] {kv, null} : new String[] {kv.substring(0, e), kv.substring(e + 1)});
            }
        }
        return q;
    }

    // ---- single requests (the set-up's) ----

    static Wire.Req json(String method, String path, String bearer, Object body) {
        return seed("", method, path, bearer(bearer, "application/json"), body == null ? new None() : new Json(World.JSON.valueToTree(body))).req();
    }

    static Wire.Req bytes(String method, String path, String bearer, byte[] data, String type) {
        return seed("", method, path, bearer(bearer, type), new Bin(data, "bin")).req();
    }

    static Wire.Req form(String method, String path, String session, String origin, List<String[]> fields) {
        return seed("", method, path, web(session, origin, "application/x-www-form-urlencoded"), new Form(fields)).req();
    }

    static Wire.Req page(String method, String path, String session) {
        return seed("", method, path, web(session, null, null), new None()).req();
    }

    static Wire.Req multipart(String path, String session, String origin, String csrf, String field, String filename, String type,
            byte[] data) {
        String boundary = "----evkinfuzz0123456789";
        return seed("", "POST", path, web(session, origin, "multipart/form-data; boundary=" + boundary),
                new Multi(List.of(new Part("_csrf", null, null, csrf.getBytes(StandardCharsets.UTF_8)), new Part(field, filename, type, data)),
                        boundary)).req();
    }

    static Seed seed(String name, String method, String path, List<String[]> headers, Body body) {
        return new Seed(name, method, segments(path), query(path), headers, body);
    }

    static List<String[]> bearer(String token, String type) {
        List<String[]> h = new ArrayList<>();
        if (type != null) {
            h.add(new String[] {"Content-Type", type});
        }
        if (token != null) {
            h.add(new String[] {"Authorization", "Bearer " + token});
        }
        h.add(new String[] {"Accept", "application/json"});
        return h;
    }

    /** Authorization and Accept: any type (documents). */
    static List<String[]> files(String token) {
        List<String[]> h = new ArrayList<>();
        if (token != null) {
            h.add(new String[] {"Authorization", "Bearer " + token});
        }
        h.add(new String[] {"Accept", "*/*"});
        return h;
    }

    static List<String[]> web(String session, String origin, String type) {
        List<String[]> h = new ArrayList<>();
        if (type != null) {
            h.add(new String[] {"Content-Type", type});
        }
        if (session != null) {
            h.add(new String[] {"Cookie", "EVKIN_SESSION=" + session});
        }
        if (origin != null) {
            h.add(new String[] {"Origin", origin});
        }
        h.add(new String[] {"Accept", "text/html,application/xhtml+xml"});
        return h;
    }

    // ---- every endpoint ----

    static List<Seed> all(World w) {
        List<Seed> s = new ArrayList<>();
        String a = w.admin;
        String today = w.today.toString();
        String later = w.today.plusDays(30).toString();
        // public API
        for (String p : List.of("/api/health", "/api/competency-model", "/api/instruments", "/api/instruments/" + World.BISINDO,
                "/api/instruments/" + World.WONOGIRI + "?version=1.0.0", "/api/instruments/" + World.BISINDO + "/form?level=AHLI_MUDA&rater=ATASAN",
                "/api/instruments/" + World.WONOGIRI + "/form?level=PAK&rater=DIRI", "/api/schemas/instrument-1.schema.json", "/api/openapi.json")) {
            s.add(seed("api-get " + p, "GET", p, p.contains("schema") ? files(null) : bearer(null, null), new None()));
        }
        // sign-in and accounts
        s.add(seed("token", "POST", "/api/auth/token", bearer(null, "application/json"),
                json(Map.of("email", World.LOGIN_EMAIL, "password", World.LOGIN_PASSWORD))));
        s.add(seed("token-revoke", "DELETE", "/api/auth/token", bearer(w.spare, null), new None()));
        s.add(seed("accounts", "POST", "/api/accounts", bearer(a, "application/json"), json(Map.of("email", "baru.fuzz@kemnaker.go.id",
                "name", "Admin Baru", "password", "Kata-Sandi-Baru-2025", "role", "REGIONAL_ADMIN", "province", "Jawa Tengah",
                "district", "Kabupaten Wonogiri"))));
        // cycles, imports, invitations, monitoring, reminders
        s.add(seed("cycles", "GET", "/api/cycles", bearer(a, null), new None()));
        s.add(seed("cycles-regional", "GET", "/api/cycles", bearer(w.regional, null), new None()));
        s.add(seed("cycle-create", "POST", "/api/cycles", bearer(a, "application/json"), json(Map.of("name", "Siklus Fuzz Baru"))));
        s.add(seed("cycle", "GET", "/api/cycles/" + w.c1, bearer(a, null), new None()));
        s.add(seed("battery", "PUT", "/api/cycles/" + w.c2 + "/batteries/" + World.BISINDO, bearer(a, "application/json"),
                json(Map.of("periodStart", today, "periodEnd", later, "status", "ACTIVE"))));
        s.add(seed("participants-preview-csv", "POST", "/api/cycles/" + w.c1 + "/participants/import?commit=false",
                bearer(a, "text/csv"), new Txt(w.participantsCsv, "csv")));
        s.add(seed("participants-preview-xlsx", "POST", "/api/cycles/" + w.c1 + "/participants/import?commit=false",
                bearer(a, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), new Bin(w.participantsXlsx, "xlsx")));
        s.add(seed("participants-commit-csv", "POST", "/api/cycles/" + w.c2 + "/participants/import", bearer(a, "text/csv"),
                new Txt(w.participantsCsvC2, "csv")));
        String boundary = "----evkinfuzzImport";
        s.add(seed("participants-multipart", "POST", "/api/cycles/" + w.c1 + "/participants/import?commit=false",
                bearer(a, "multipart/form-data; boundary=" + boundary), new Multi(List.of(new Part("file", "peserta.csv", "text/csv",
                        w.participantsCsv.getBytes(StandardCharsets.UTF_8))), boundary)));
        s.add(seed("responses-preview", "POST", "/api/cycles/" + w.c1 + "/responses/import?commit=false", bearer(a, "text/csv"),
                new Txt(w.responsesCsv, "csv")));
        s.add(seed("responses-commit", "POST", "/api/cycles/" + w.c1 + "/responses/import", bearer(a, "text/csv"),
                new Txt(w.responsesCsv, "csv")));
        s.add(seed("invitations", "POST", "/api/cycles/" + w.c1 + "/invitations", bearer(a, null), new None()));
        s.add(seed("monitoring", "GET", "/api/cycles/" + w.c1 + "/monitoring", bearer(a, null), new None()));
        s.add(seed("monitoring-regional", "GET", "/api/cycles/" + w.c1 + "/monitoring", bearer(w.regional, null), new None()));
        s.add(seed("reminders", "POST", "/api/cycles/" + w.c2 + "/reminders", bearer(a, null), new None()));
        // reports
        s.add(seed("national", "GET", "/api/reports/national?cycle=" + w.c1, bearer(a, null), new None()));
        s.add(seed("national-filtered", "GET", "/api/reports/national?cycle=" + w.c1 + "&program=" + World.BISINDO
                + "&level=AHLI_PERTAMA&province=DIY", bearer(a, null), new None()));
        s.add(seed("national-regional", "GET", "/api/reports/national?cycle=" + w.c1, bearer(w.regional, null), new None()));
        s.add(seed("national-accept-csv", "GET", "/api/reports/national?cycle=" + w.c1, List.of(new String[] {"Authorization", "Bearer " + a},
                new String[] {"Accept", "text/csv"}), new None()));
        s.add(seed("national.pdf", "GET", "/api/reports/national.pdf?cycle=" + w.c1, files(a), new None()));
        s.add(seed("national.xlsx", "GET", "/api/reports/national.xlsx?cycle=" + w.c1, files(a), new None()));
        s.add(seed("national.csv", "GET", "/api/reports/national.csv?cycle=" + w.c1, files(a), new None()));
        s.add(seed("national.csv-table", "GET", "/api/reports/national.csv?cycle=" + w.c1 + "&table=3.1", files(a), new None()));
        s.add(seed("individual.zip", "GET", "/api/reports/individual.zip?cycle=" + w.c1, files(a), new None()));
        s.add(seed("participant-report", "GET", "/api/participants/" + w.p2 + "/report?cycle=" + w.c1, bearer(a, null), new None()));
        s.add(seed("participant-report-latest", "GET", "/api/participants/" + w.p2 + "/report", bearer(a, null), new None()));
        s.add(seed("participant-report.pdf", "GET", "/api/participants/" + w.p2 + "/report.pdf?cycle=" + w.c1, files(a), new None()));
        s.add(seed("participant-report-accept-pdf", "GET", "/api/participants/" + w.p2 + "/report", List.of(new String[] {"Authorization",
                "Bearer " + a}, new String[] {"Accept", "application/pdf"}), new None()));
        // programs (admin)
        s.add(seed("admin-instruments", "GET", "/api/admin/instruments", bearer(a, null), new None()));
        s.add(seed("admin-problems", "GET", "/api/admin/instruments/problems", bearer(a, null), new None()));
        s.add(seed("admin-schedule", "PUT", "/api/admin/instruments/" + World.SACRIFICIAL_PROGRAM + "/schedule", bearer(a, "application/json"),
                json(Map.of("status", "ACTIVE", "periodStart", today, "periodEnd", later))));
        s.add(seed("admin-upload", "POST", "/api/admin/instruments", bearer(a, "application/java-archive"), new Bin(w.instrumentJar, "jar")));
        s.add(seed("admin-upload-multipart", "POST", "/api/admin/instruments", bearer(a, "multipart/form-data; boundary=" + boundary),
                new Multi(List.of(new Part("file", "genai-pak.jar", "application/java-archive", w.instrumentJar)), boundary)));
        s.add(seed("admin-withdraw", "DELETE", "/api/admin/instruments/" + World.SACRIFICIAL_PROGRAM, bearer(a, null), new None()));
        // personal links (JSON)
        String p1 = w.link("P1.DIRI").credential();
        String atasan = w.link("P1.ATASAN").credential();
        String rekan = w.link("P1.REKAN").credential();
        String code = w.link("P1.PENGGUNA").credential();
        String p3 = w.link("P3.DIRI").credential();
        String sd = w.link("S.DIRI").credential();
        for (String t : List.of(p1, atasan, code, p3, w.link("P2.DIRI").credential())) {
            s.add(seed("link", "GET", "/api/t/" + t, bearer(null, null), new None()));
        }
        s.add(seed("identity", "POST", "/api/t/" + p1 + "/identity", bearer(null, null), new None()));
        s.add(seed("profile", "PUT", "/api/t/" + sd + "/profile", bearer(null, "application/json"), json(w.profile("s"))));
        s.add(seed("service-user", "POST", "/api/t/" + sd + "/service-user", bearer(null, "application/json"),
                json(Map.of("name", "Ibu Pengguna Layanan", "phone", "0812 3456 7890"))));
        s.add(seed("raters", "GET", "/api/t/" + p1 + "/raters", bearer(null, null), new None()));
        s.add(seed("resend", "POST", "/api/t/" + sd + "/raters/REKAN/resend", bearer(null, null), new None()));
        s.add(seed("part1", "GET", "/api/t/" + p1 + "/part1", bearer(null, null), new None()));
        s.add(seed("part1-draft", "PUT", "/api/t/" + p1 + "/part1/draft", bearer(null, "application/json"), json(w.part1Draft())));
        s.add(seed("part1-draft-atasan", "PUT", "/api/t/" + atasan + "/part1/draft", bearer(null, "application/json"),
                json(Map.of("scope", List.of(8, 9), "ticks", List.of("AMU-08-01", "AP-09-01")))));
        s.add(seed("part1-submit", "POST", "/api/t/" + rekan + "/part1/submit", bearer(null, "application/json"),
                json(Map.of("scope", List.of(8), "ticks", List.of("AMU-08-01")))));
        String bisindo = World.BISINDO + "/AHLI_MUDA";
        s.add(seed("part2", "GET", "/api/t/" + atasan + "/part2/" + World.BISINDO, bearer(null, null), new None()));
        s.add(seed("part2-draft", "PUT", "/api/t/" + atasan + "/part2/" + World.BISINDO + "/draft", bearer(null, "application/json"),
                json(Map.of("answers", w.partial(bisindo)))));
        s.add(seed("part2-draft-code", "PUT", "/api/t/" + code + "/part2/" + World.BISINDO + "/draft", bearer(null, "application/json"),
                json(Map.of("answers", w.partial(bisindo)))));
        s.add(seed("part2-draft-pak", "PUT", "/api/t/" + p3 + "/part2/" + World.WONOGIRI + "/draft", bearer(null, "application/json"),
                json(Map.of("answers", w.partial(World.WONOGIRI + "/PAK")))));
        s.add(seed("part2-submit", "POST", "/api/t/" + rekan + "/part2/" + World.GENAI + "/submit", bearer(null, "application/json"),
                json(Map.of("answers", w.answers(World.GENAI + "/AHLI_MUDA")))));
        s.add(seed("part2-submit-done", "POST", "/api/t/" + p1 + "/part2/" + World.BISINDO + "/submit", bearer(null, "application/json"),
                json(Map.of("answers", w.answers(bisindo)))));
        // probes: valid requests on forms nobody opened yet, never sent as they are (see FuzzIT): their refused mutations
        // must not open the form either (SPEC 6, "a tampered form changes nothing")
        s.add(seed("probe-part2-submit-unopened", "POST", "/api/t/" + atasan + "/part2/" + World.GENAI + "/submit",
                bearer(null, "application/json"), json(Map.of("answers", w.answers(World.GENAI + "/AHLI_MUDA")))));
        List<String[]> genai = new ArrayList<>();
        w.answers(World.GENAI + "/AHLI_MUDA").forEach((k, v) -> genai.add(new String[] {"j." + k, v}));
        genai.add(new String[] {"aksi", "kirim"});
        s.add(seed("probe-page-part2-unopened", "POST", "/k/" + w.shortCode + "/bagian-2/" + World.GENAI, web(null, w.origin(),
                "application/x-www-form-urlencoded"), new Form(genai)));
        // pages
        String o = w.origin();
        for (String p : List.of("/", "/masuk", "/masuk?lanjut=%2Fadmin", "/static/form.js", "/static/evkin.css")) {
            s.add(seed("page " + p, "GET", p, web(null, null, null), new None()));
        }
        s.add(seed("sign-in", "POST", "/masuk", web(null, o, "application/x-www-form-urlencoded"), new Form(List.of(new String[] {"email",
                World.LOGIN_EMAIL}, new String[] {"password", World.LOGIN_PASSWORD}, new String[] {"lanjut", "/admin"}))));
        s.add(seed("code", "POST", "/kode", web(null, o, "application/x-www-form-urlencoded"), new Form(List.<String[]>of(new String[] {"kode",
                w.shortCode.substring(0, 4) + "-" + w.shortCode.substring(4).toLowerCase()}))));
        s.add(seed("sign-out", "POST", "/keluar", web(w.session2, o, "application/x-www-form-urlencoded"),
                new Form(List.<String[]>of(new String[] {"_csrf", w.csrf2}))));
        for (String p : List.of("/admin", "/admin/siklus/baru", "/admin/siklus/" + w.c1, "/admin/siklus/" + w.c1 + "/peserta",
                "/admin/siklus/" + w.c1 + "/jawaban", "/admin/siklus/" + w.c1 + "/undangan", "/admin/siklus/" + w.c1 + "/pantau",
                "/admin/siklus/" + w.c1 + "/pantau?halaman=2", "/admin/siklus/" + w.c2 + "/peserta/" + w.preview)) {
            s.add(seed("admin-page " + p, "GET", p, web(w.session, null, null), new None()));
        }
        s.add(seed("admin-new-cycle", "POST", "/admin/siklus/baru", web(w.session, o, "application/x-www-form-urlencoded"),
                new Form(List.of(new String[] {"_csrf", w.csrf}, new String[] {"nama", "Siklus Halaman Fuzz"}))));
        s.add(seed("admin-battery", "POST", "/admin/siklus/" + w.c2 + "/program", web(w.session, o, "application/x-www-form-urlencoded"),
                new Form(List.of(new String[] {"_csrf", w.csrf}, new String[] {"program", World.GENAI}, new String[] {"formulir", "ada"},
                        new String[] {"status", "aktif"}, new String[] {"mulai", today}, new String[] {"selesai", later},
                        new String[] {"perpanjangan", ""}))));
        String wb = "----evkinfuzzWeb";
        s.add(seed("admin-upload-participants", "POST", "/admin/siklus/" + w.c1 + "/peserta", web(w.session, o,
                "multipart/form-data; boundary=" + wb), new Multi(List.of(new Part("_csrf", null, null, w.csrf.getBytes(StandardCharsets.UTF_8)),
                        new Part("berkas", "peserta.csv", "text/csv", w.participantsCsv.getBytes(StandardCharsets.UTF_8))), wb)));
        s.add(seed("admin-upload-responses", "POST", "/admin/siklus/" + w.c1 + "/jawaban", web(w.session, o,
                "multipart/form-data; boundary=" + wb), new Multi(List.of(new Part("_csrf", null, null, w.csrf.getBytes(StandardCharsets.UTF_8)),
                        new Part("berkas", "jawaban.csv", "text/csv", w.responsesCsv.getBytes(StandardCharsets.UTF_8))), wb)));
        s.add(seed("admin-commit", "POST", "/admin/siklus/" + w.c2 + "/peserta/simpan", web(w.session, o, "application/x-www-form-urlencoded"),
                new Form(List.of(new String[] {"_csrf", w.csrf}, new String[] {"pratinjau", w.preview}))));
        s.add(seed("admin-invite", "POST", "/admin/siklus/" + w.c1 + "/undangan", web(w.session, o, "application/x-www-form-urlencoded"),
                new Form(List.<String[]>of(new String[] {"_csrf", w.csrf}))));
        s.add(seed("admin-remind", "POST", "/admin/siklus/" + w.c2 + "/pantau/pengingat", web(w.session, o,
                "application/x-www-form-urlencoded"), new Form(List.<String[]>of(new String[] {"_csrf", w.csrf}))));
        String pc = w.shortCode;
        for (String p : List.of("/t/" + p1, "/t/" + p1 + "/profil", "/t/" + p1 + "/bagian-1", "/t/" + p1 + "/bagian-1?langkah=2",
                "/t/" + p1 + "/bagian-2/" + World.GENAI, "/t/" + p1 + "/pengguna", "/t/" + p1 + "/pemantauan", "/t/" + p1 + "/laporan",
                "/t/" + w.link("P2.DIRI").credential() + "/laporan", "/t/" + w.link("P2.DIRI").credential() + "/laporan.pdf",
                "/t/" + atasan, "/t/" + atasan + "/bagian-2/" + World.BISINDO, "/t/" + p3 + "/bagian-2/" + World.WONOGIRI,
                "/k/" + pc, "/k/" + pc + "/bagian-2/" + World.BISINDO)) {
            s.add(seed("link-page " + p.replaceAll("/[tk]/[^/]+", "/t/{}"), "GET", p, web(null, null, null), new None()));
        }
        String form = "application/x-www-form-urlencoded";
        s.add(seed("page-identity", "POST", "/t/" + p1 + "/identitas", web(null, o, form), new Form(List.of())));
        s.add(seed("page-profile", "POST", "/t/" + sd + "/profil", web(null, o, form), new Form(List.of(new String[] {"lokasi",
                "Disnaker Kota Yogyakarta, Bidang Penempatan"}, new String[] {"atasan-nama", "Bapak Atasan S"}, new String[] {"atasan-email",
                "atasan.s@fuzz.example.go.id"}, new String[] {"atasan-telepon", ""}, new String[] {"rekan-nama", "Ibu Rekan S"},
                new String[] {"rekan-email", "rekan.s@fuzz.example.go.id"}, new String[] {"rekan-telepon", "0274 123456"}))));
        s.add(seed("page-service-user", "POST", "/t/" + sd + "/pengguna", web(null, o, form), new Form(List.of(new String[] {"pengguna-nama",
                "Ibu Pengguna Layanan"}, new String[] {"pengguna-email", ""}, new String[] {"pengguna-telepon", "0812 3456 7890"}))));
        s.add(seed("page-resend", "POST", "/t/" + sd + "/pemantauan", web(null, o, form), new Form(List.<String[]>of(new String[] {"peran",
                "REKAN"}))));
        s.add(seed("page-part1", "POST", "/t/" + p1 + "/bagian-1", web(null, o, form), new Form(List.of(new String[] {"lingkup", "5"},
                new String[] {"lingkup", "8"}, new String[] {"tugas", "AMU-05-01"}, new String[] {"tugas", "AP-08-01"},
                new String[] {"aksi", "simpan"}))));
        s.add(seed("page-part1-next", "POST", "/t/" + atasan + "/bagian-1", web(null, o, form), new Form(List.of(new String[] {"lingkup", "8"},
                new String[] {"lingkup", "9"}, new String[] {"aksi", "lanjut"}))));
        List<String[]> answers = new ArrayList<>();
        w.partial(bisindo).forEach((k, v) -> answers.add(new String[] {"j." + k, v}));
        List<String[]> draft = new ArrayList<>(answers);
        draft.add(new String[] {"aksi", "simpan"});
        s.add(seed("page-part2", "POST", "/t/" + atasan + "/bagian-2/" + World.BISINDO, web(null, o, form), new Form(draft)));
        s.add(seed("page-part2-code", "POST", "/k/" + pc + "/bagian-2/" + World.BISINDO, web(null, o, form), new Form(draft)));
        List<String[]> pak = new ArrayList<>();
        w.partial(World.WONOGIRI + "/PAK").forEach((k, v) -> pak.add(new String[] {"j." + k, v}));
        pak.add(new String[] {"aksi", "simpan"});
        s.add(seed("page-part2-pak", "POST", "/t/" + p3 + "/bagian-2/" + World.WONOGIRI, web(null, o, form), new Form(pak)));
        return s;
    }

    /**
     * Requests that must be refused, on forms nobody has opened yet (SPEC 6: "a tampered form changes nothing"): an
     * unknown item, a value out of range, an empty scope, through the API and the pages. Sent once, before the fuzzing.
     */
    static List<Seed> tampered(World w) {
        List<Seed> s = new ArrayList<>();
        String atasan = w.link("P1.ATASAN").credential();
        String q1 = w.link("Q1.DIRI").credential();
        String sd = w.link("S.DIRI").credential();
        Map<String, String> unknown = new java.util.LinkedHashMap<>(w.answers(World.GENAI + "/AHLI_MUDA"));
        unknown.put("GENAIPK-AU-99-99", "4");
        s.add(seed("tampered: unknown item (API)", "POST", "/api/t/" + atasan + "/part2/" + World.GENAI + "/submit",
                bearer(null, "application/json"), json(Map.of("answers", unknown))));
        Map<String, String> outOfRange = new java.util.LinkedHashMap<>(w.answers(World.GENAI + "/AHLI_MUDA"));
        outOfRange.put(w.items.get(World.GENAI + "/AHLI_MUDA").get(1), "5");
        s.add(seed("tampered: value 5 (API)", "POST", "/api/t/" + atasan + "/part2/" + World.GENAI + "/submit",
                bearer(null, "application/json"), json(Map.of("answers", outOfRange))));
        s.add(seed("tampered: value 5 (API draft)", "PUT", "/api/t/" + atasan + "/part2/" + World.GENAI + "/draft",
                bearer(null, "application/json"), json(Map.of("answers", outOfRange))));
        s.add(seed("tampered: unknown subkompetensi (API part 1)", "POST", "/api/t/" + sd + "/part1/submit",
                bearer(null, "application/json"), json(Map.of("scope", List.of(99), "ticks", List.of()))));
        List<String[]> page = new ArrayList<>();
        page.add(new String[] {"j." + w.items.get(World.GENAI + "/AHLI_MUDA").get(0), "5"});
        page.add(new String[] {"aksi", "kirim"});
        s.add(seed("tampered: value 5 (page)", "POST", "/k/" + w.shortCode + "/bagian-2/" + World.GENAI, web(null, w.origin(),
                "application/x-www-form-urlencoded"), new Form(page)));
        s.add(seed("tampered: submit without scope (page part 1)", "POST", "/t/" + w.link("P1.ATASAN").credential() + "/bagian-1", web(null, w.origin(),
                "application/x-www-form-urlencoded"), new Form(List.<String[]>of(new String[] {"aksi", "kirim"}))));
        s.add(seed("tampered: unknown item (API, other cycle)", "POST", "/api/t/" + q1 + "/part2/" + World.GENAI + "/submit",
                bearer(null, "application/json"), json(Map.of("answers", Map.of("GENAIPK-AU-99-99", "4")))));
        return s;
    }

    static Json json(Object o) {
        return new Json(World.JSON.valueToTree(o));
    }

    static ObjectNode object() {
        return World.JSON.createObjectNode();
    }

    static ArrayNode array() {
        return World.JSON.createArrayNode();
    }
}
