package org.evkin.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.evkin.fuzz.Seeds.Bin;
import org.evkin.fuzz.Seeds.Body;
import org.evkin.fuzz.Seeds.Form;
import org.evkin.fuzz.Seeds.Json;
import org.evkin.fuzz.Seeds.Multi;
import org.evkin.fuzz.Seeds.None;
import org.evkin.fuzz.Seeds.Part;
import org.evkin.fuzz.Seeds.Seed;

/**
 * Makes case n of a run from the run's seed alone: which valid request it starts from and which mutations it applies
 * (paths, methods, headers, query strings, bodies, raw bytes on the wire), or a purely random request. The same seed
 * and case number give the same request (up to the tokens and ids the set-up received from the server).
 */
final class Mutator {

    /** One request to send: how it was made, and which protocol-level 5xx answers are correct for it (RFC 9110/9112). */
    record Case(int index, String origin, List<String> ops, Wire.Req req, Set<Integer> protocolStatuses) {
    }

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "PROPFIND",
            "FOO", "get", "Post");
    static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=UTF-16",
            "application/json; charset=nonsense", "application/json;charset=ISO-8859-1", "text/csv", "text/csv; charset=UTF-8",
            "text/plain", "application/xml", "text/xml", "multipart/form-data", "multipart/form-data; boundary=zzz",
            "multipart/form-data; boundary=", "multipart/mixed; boundary=abc", "application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded; charset=UTF-16", "application/octet-stream", "*/*", "text/html",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/java-archive", "application/pdf",
            "image/png", "application/json, text/csv", "garbage", "application/", "/json", ";;;", "application/json; boundary=x");
    static final List<String> ACCEPTS = List.of("application/pdf", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "*/*", "application/json;q=0", "text/html", "image/png", "application/pdf, application/json", "application/zip",
            "text/csv;q=0.1, application/pdf;q=0.9", "garbage", "", "application/json; charset=UTF-16", "application/*", "text/*;q=abc",
            "application/xml");
    static final List<String> LANGUAGES = List.of("en", "id", "en-US,en;q=0.9", "xx", "*", "en;q=abc", "zz-ZZ", "ar", "id-ID;q=1.5",
            ",,,", "a".repeat(300));
    static final List<String> QUERY_KEYS = List.of("cycle", "program", "level", "province", "table", "version", "rater", "commit",
            "lanjut", "langkah", "halaman", "terkirim", "tersimpan", "profil", "dikirim", "ditunjuk", "dibuat", "disimpan", "pratinjau",
            "format", "callback", "_csrf");

    private final World w;
    private final List<Seed> seeds;
    private final double[] weights;
    private final double total;

    Mutator(World w, List<Seed> seeds) {
        this.w = w;
        this.seeds = seeds;
        this.weights = new double[seeds.size()];
        double t = 0;
        for (int i = 0; i < seeds.size(); i++) {
            String n = seeds.get(i).name();
            // documents take the server a while to draw; an accepted upload waits for the deployment
            weights[i] = n.contains(".pdf") || n.contains("zip") || n.contains("accept-pdf") ? 0.3
                    : n.startsWith("admin-upload") ? 0.25 : 1.0;
            t += weights[i];
        }
        this.total = t;
    }

    /** The random generator of case n: independent of every other case. */
    static SplittableRandom random(long seed, int n) {
        return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (n + 1)));
    }

    Case make(long runSeed, int n) {
        SplittableRandom r = random(runSeed, n);
        int kind = r.nextInt(100);
        if (kind < 8) {
            return randomRequest(n, r);
        }
        Seed seed = pickSeed(r);
        Draft d = new Draft(seed);
        List<String> ops = new ArrayList<>();
        int count = 1 + (r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0);
        for (int i = 0; i < count; i++) {
            ops.add(mutate(d, r));
        }
        Wire.Req req = Scope.guard(d.render(), w);
        if (kind < 15) {
            Set<Integer> allowed = new java.util.HashSet<>();
            ops.add(rawify(req, r, allowed));
            return new Case(n, seed.name(), ops, new Wire.Req(req.method(), req.target(), req.headers(), req.body(), lastRaw), allowed);
        }
        return expressible(new Case(n, seed.name(), ops, req, Set.of()));
    }

    /** A request the JDK client refuses (a raw CR or space in the path, a header it does not allow) goes out as bytes. */
    private Case expressible(Case c) {
        if (c.req().raw() != null || w.wire.accepts(c.req())) {
            return c;
        }
        List<String> ops = new ArrayList<>(c.ops());
        ops.add("sent as raw bytes (the JDK client refuses it)");
        Wire.Req r = c.req();
        return new Case(c.index(), c.origin(), ops, new Wire.Req(r.method(), r.target(), r.headers(), r.body(), Wire.render(r, w.wire.port())),
                c.protocolStatuses());
    }

    private Seed pickSeed(SplittableRandom r) {
        double x = r.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return seeds.get(i);
            }
        }
        return seeds.get(seeds.size() - 1);
    }

    // ---- the mutable request ----

    /** A seed being mutated. bodyBytes, once set, replaces the structured body. */
    static final class Draft {
        String method;
        List<String> segs;
        List<String[]> query;
        List<String[]> headers;
        Body body;
        byte[] bodyBytes;

        Draft(Seed s) {
            method = s.method();
            segs = new ArrayList<>(s.segments());
            query = new ArrayList<>();
            s.query().forEach(q -> query.add(q.clone()));
            headers = new ArrayList<>();
            s.headers().forEach(h -> headers.add(h.clone()));
            body = s.body() instanceof Json j ? new Json(j.node().deepCopy()) : s.body();
        }

        Wire.Req render() {
            Wire.Req r = Seeds.render(method, segs, query, headers, body);
            return bodyBytes == null ? r : new Wire.Req(r.method(), r.target(), r.headers(), bodyBytes, null);
        }

        byte[] bytes() {
            return bodyBytes != null ? bodyBytes : Seeds.bytes(body);
        }

        void header(String name, String value) {
            headers.removeIf(h -> h[0].equalsIgnoreCase(name));
            if (value != null) {
                headers.add(new String[] {name, value});
            }
        }

        String header(String name) {
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase(name)) {
                    return h[1];
                }
            }
            return null;
        }
    }

    private String mutate(Draft d, SplittableRandom r) {
        int g = r.nextInt(100);
        boolean hasBody = !(d.body instanceof None) || d.bodyBytes != null;
        if (g < 22) {
            return path(d, r);
        }
        if (g < 28) {
            String m = Junk.pick(r, METHODS);
            d.method = m;
            return "method " + m;
        }
        if (g < 46) {
            return header(d, r);
        }
        if (g < 56) {
            return query(d, r);
        }
        if (g < 62) {
            return credential(d, r);
        }
        if (hasBody || r.nextInt(3) == 0) {
            return body(d, r);
        }
        return path(d, r);
    }

    // ---- paths ----

    private String path(Draft d, SplittableRandom r) {
        List<String> s = d.segs;
        int i = s.isEmpty() ? 0 : r.nextInt(s.size());
        switch (r.nextInt(11)) {
            case 0, 1 -> {
                String j = Junk.segment(r);
                set(s, i, j);
                return "path[" + i + "]=junk " + Text.printable(Text.cut(j, 40));
            }
            case 2, 3 -> {
                int at = -1;
                for (int k = 0; k < s.size(); k++) {
                    if (s.get(k).matches("\\d+")) {
                        at = k;
                    }
                }
                at = at < 0 ? i : at;
                String id = Junk.id(r, ids());
                set(s, at, id);
                return "path[" + at + "]=id " + id;
            }
            case 4 -> {
                String j = Junk.segment(r);
                s.add(Math.min(s.size(), r.nextInt(s.size() + 1)), j);
                return "path insert " + Text.printable(Text.cut(j, 40));
            }
            case 5 -> {
                if (!s.isEmpty()) {
                    s.remove(i);
                }
                return "path drop [" + i + "]";
            }
            case 6 -> {
                s.add(Math.min(s.size(), r.nextInt(s.size() + 1)), r.nextBoolean() ? "" : Junk.pick(r, List.of(".", "..", "%2e", "%2e%2e")));
                return "path empty/dot segment";
            }
            case 7 -> {
                String suffix = Junk.pick(r, List.of(".json", ".pdf", ".xlsx", ".csv", ";jsessionid=1", "%00", "~", ".bak", "%20", "/", "%3B",
                        "%2F..", "?", "#"));
                set(s, s.isEmpty() ? 0 : s.size() - 1, (s.isEmpty() ? "" : s.get(s.size() - 1)) + suffix);
                return "path suffix " + suffix;
            }
            case 8 -> {
                if (!s.isEmpty()) {
                    String x = s.get(i);
                    s.set(i, r.nextBoolean() ? x.toUpperCase() : x.toLowerCase());
                }
                return "path case [" + i + "]";
            }
            case 9 -> {
                int n = Junk.pick(r, List.of(1000, 9000, 70_000));
                set(s, i, "A".repeat(n));
                return "path[" + i + "]=" + n + " chars";
            }
            default -> {
                String other = Junk.pick(r, seeds).segments().stream().reduce((a, b) -> b).orElse("");
                set(s, i, other);
                return "path[" + i + "]=" + Text.cut(other, 30);
            }
        }
    }

    private static void set(List<String> s, int i, String v) {
        if (s.isEmpty()) {
            s.add(v);
        } else {
            s.set(i, v);
        }
    }

    private List<String> ids() {
        return List.of(String.valueOf(w.c1), String.valueOf(w.c2), String.valueOf(w.p1), String.valueOf(w.p2), String.valueOf(w.p3),
                String.valueOf(w.s), String.valueOf(w.c2 + 17), "0", "1");
    }

    /** Another link's credential, a dead one, or junk, where the path has a credential. */
    private String credential(Draft d, SplittableRandom r) {
        List<String> s = d.segs;
        int at = -1;
        if (s.size() >= 3 && s.get(0).equals("api") && s.get(1).equals("t")) {
            at = 2;
        } else if (s.size() >= 2 && (s.get(0).equals("t") || s.get(0).equals("k"))) {
            at = 1;
        }
        String value;
        switch (r.nextInt(9)) {
            case 0, 1, 2 -> value = Junk.pick(r, new ArrayList<>(w.links.values())).credential();
            case 3 -> value = Junk.pick(r, w.revoked);
            case 4 -> value = Junk.pick(r, List.of(w.shortCode.toLowerCase(), w.shortCode.substring(0, 4) + "-" + w.shortCode.substring(4),
                    "k:" + w.shortCode.toLowerCase(), "k:" + w.shortCode + "X", "k:", "k:%20" + w.shortCode, w.shortCode));
            case 5 -> value = Junk.ascii(r, 43).replaceAll("[^A-Za-z0-9_-]", "x");
            case 6 -> {
                String t = w.link("P1.DIRI").credential();
                value = Junk.pick(r, List.of(t.substring(1), t + "A", t.toUpperCase(), t.substring(0, 42) + "%", "k:" + t));
            }
            default -> value = Junk.segment(r);
        }
        if (value.startsWith("k:") && s.size() >= 1 && (s.get(0).equals("t") || s.get(0).equals("k"))) {
            value = value.substring(2);
        }
        if (at < 0) {
            // a credential where none belongs: a path of its own kind
            d.segs = new ArrayList<>(List.of(r.nextBoolean() ? "api" : "t", value));
            if (d.segs.get(0).equals("api")) {
                d.segs.add(1, "t");
            }
            return "credential as path " + Text.cut(value, 20);
        }
        s.set(at, value);
        return "credential " + Text.cut(value, 20);
    }

    // ---- headers ----

    private String header(Draft d, SplittableRandom r) {
        switch (r.nextInt(14)) {
            case 0, 1 -> {
                String ct = Junk.pick(r, CONTENT_TYPES);
                d.header("Content-Type", ct);
                return "Content-Type: " + ct;
            }
            case 2 -> {
                d.header("Content-Type", null);
                return "no Content-Type";
            }
            case 3 -> {
                String a = Junk.pick(r, ACCEPTS);
                d.header("Accept", a);
                return "Accept: " + a;
            }
            case 4 -> {
                String l = Junk.pick(r, LANGUAGES);
                d.header("Accept-Language", l);
                return "Accept-Language: " + Text.cut(l, 20);
            }
            case 5, 6 -> {
                String a = Junk.pick(r, List.of("Bearer", "Bearer ", "Bearer x", "Basic YWRtaW46YWRtaW4=", "bearer " + w.admin,
                        "Bearer " + w.admin + "x", "Bearer " + w.regional, "Bearer " + w.login, "Bearer " + w.spare,
                        "Bearer " + "A".repeat(10_000), "Bearer " + w.link("P1.DIRI").credential(), "Bearer " + w.session,
                        "Bearer\t" + w.admin, "Token " + w.admin, "Bearer " + Junk.string(r), ""));
                if (r.nextInt(4) == 0) {
                    d.header("Authorization", null);
                    return "no Authorization";
                }
                d.header("Authorization", Text.printable(a).equals(a) ? a : Text.encode(a));
                return "Authorization: " + Text.cut(a, 24);
            }
            case 7 -> {
                String c = Junk.pick(r, List.of("EVKIN_SESSION=" + w.session2, "EVKIN_SESSION=", "EVKIN_SESSION=x", "EVKIN_SESSION="
                        + w.admin, "EVKIN_SESSION=" + w.session + "; EVKIN_SESSION=x", "EVKIN_SESSION=" + "A".repeat(5000), "a=b; c",
                        "EVKIN_SESSION=\"" + w.session + "\"", "EVKIN_SESSION=" + w.session + ";;;", "=", "EVKIN_SESSION=" + w.regional));
                d.header("Cookie", r.nextInt(4) == 0 ? null : c);
                return "Cookie: " + Text.cut(c, 24);
            }
            case 8, 9 -> {
                String o = Junk.pick(r, List.of("http://evil.example", "null", "http://127.0.0.1:1", "https://127.0.0.1:" + w.wire.port(),
                        "file://", "http://", "not a url", "http://127.0.0.1:" + w.wire.port() + "/path", "http://localhost:" + w.wire.port(),
                        "http://127.0.0.1:" + w.wire.port() + ".evil.example", "HTTP://127.0.0.1:" + w.wire.port(), ""));
                String name = r.nextBoolean() ? "Origin" : "Referer";
                d.header(name, o.isEmpty() ? null : o);
                if (name.equals("Referer") && r.nextBoolean()) {
                    d.header("Origin", null);
                }
                return name + ": " + o;
            }
            case 10 -> {
                String h = Junk.pick(r, List.of("evil.example", "127.0.0.1:1", "127.0.0.1:" + w.wire.port() + ":80", "[::1]", "a b",
                        "localhost:" + w.wire.port(), "127.0.0.1"));
                d.header("Host", h);
                return "Host: " + h;
            }
            case 11 -> {
                int n = Junk.pick(r, List.of(100, 9000, 70_000));
                d.header("X-Fuzz", "a".repeat(n));
                return "header of " + n + " chars";
            }
            case 12 -> {
                for (int i = 0; i < 300; i++) {
                    d.headers.add(new String[] {"X-Fuzz-" + i, "v" + i});
                }
                return "300 headers";
            }
            default -> {
                String[] h = Junk.pick(r, List.of(new String[] {"X-HTTP-Method-Override", "DELETE"}, new String[] {"X-Forwarded-For", "1.2.3.4"},
                        new String[] {"X-Forwarded-Host", "evil.example"}, new String[] {"X-Forwarded-Proto", "https"},
                        new String[] {"Range", "bytes=0-10,5-1"}, new String[] {"If-None-Match", "*"}, new String[] {"Content-Encoding", "gzip"},
                        new String[] {"Content-Encoding", "br"}, new String[] {"Accept-Encoding", "gzip;q=2"}, new String[] {"Forwarded", "for=\"[::1]\""},
                        new String[] {"Authorization", "Bearer " + w.regional}));
                d.headers.add(h.clone());
                return h[0] + ": " + h[1];
            }
        }
    }

    // ---- query strings ----

    private String query(Draft d, SplittableRandom r) {
        List<String[]> q = d.query;
        switch (r.nextInt(8)) {
            case 0, 1 -> {
                String k = r.nextBoolean() ? Junk.pick(r, QUERY_KEYS) : Text.encode(Junk.string(r));
                String v = r.nextBoolean() ? Junk.id(r, ids()) : Text.encode(Junk.string(r));
                q.add(new String[] {k, v});
                return "query +" + Text.cut(k, 20) + "=" + Text.cut(v, 20);
            }
            case 2 -> {
                if (q.isEmpty()) {
                    q.add(new String[] {Junk.pick(r, QUERY_KEYS), Text.encode(Junk.string(r))});
                } else {
                    String[] x = Junk.pick(r, q);
                    q.add(r.nextBoolean() ? 0 : q.size(), new String[] {x[0], Text.encode(Junk.string(r))});
                }
                return "query duplicate";
            }
            case 3 -> {
                if (!q.isEmpty()) {
                    Junk.pick(r, q)[1] = r.nextBoolean() ? Junk.id(r, ids()) : Text.encode(Junk.string(r));
                }
                return "query value junk";
            }
            case 4 -> {
                if (!q.isEmpty()) {
                    q.remove(r.nextInt(q.size()));
                }
                return "query drop";
            }
            case 5 -> {
                q.add(new String[] {"x", "A".repeat(Junk.pick(r, List.of(2000, 9000, 70_000)))});
                return "query huge";
            }
            case 6 -> {
                for (int i = 0; i < 2000; i++) {
                    q.add(new String[] {"a" + i, "b"});
                }
                return "query 2000 params";
            }
            default -> {
                String raw = Junk.pick(r, List.of("&&=&=x", "%zz=1", "a=%", "=", "cycle=%00", "a[]=1&a[b]=2", "cycle=1&cycle=2",
                        "%E2%80%AE=1", "a=b=c", ";a=1"));
                q.add(new String[] {raw, null});
                return "query raw " + raw;
            }
        }
    }

    // ---- bodies ----

    private String body(Draft d, SplittableRandom r) {
        if (d.bodyBytes == null && d.body instanceof Json j && r.nextInt(5) > 0) {
            return json(d, j, r);
        }
        if (d.bodyBytes == null && d.body instanceof Seeds.Txt t && r.nextInt(5) > 0) {
            return csv(d, t.text(), r);
        }
        if (d.bodyBytes == null && d.body instanceof Bin b && r.nextInt(5) > 0) {
            d.bodyBytes = b.kind().equals("jar") ? Junk.badJar(r, b.data()) : Junk.badXlsx(r, b.data());
            return b.kind() + " broken (" + d.bodyBytes.length + " bytes)";
        }
        if (d.bodyBytes == null && d.body instanceof Form f && r.nextInt(5) > 0) {
            return form(d, f, r);
        }
        if (d.bodyBytes == null && d.body instanceof Multi m && r.nextInt(5) > 0) {
            return multipart(d, m, r);
        }
        return bytes(d, r);
    }

    /** Byte-level: truncation, invalid UTF-8, other encodings, random bytes, another seed's body, emptiness. */
    private String bytes(Draft d, SplittableRandom r) {
        byte[] b = d.bytes();
        switch (r.nextInt(9)) {
            case 0 -> {
                d.bodyBytes = java.util.Arrays.copyOf(b, b.length == 0 ? 0 : r.nextInt(b.length));
                return "body truncated to " + d.bodyBytes.length;
            }
            case 1 -> {
                byte[] c = b.clone();
                byte[] bad = Junk.pick(r, List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xED,
                        (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80,
                        (byte) 0x80}, new byte[] {0}));
                int at = c.length == 0 ? 0 : r.nextInt(c.length);
                d.bodyBytes = Junk.concat(Junk.concat(java.util.Arrays.copyOf(c, at), bad), java.util.Arrays.copyOfRange(c, at, c.length));
                return "invalid UTF-8 at " + at;
            }
            case 2 -> {
                Charset cs = Junk.pick(r, List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, Charset.forName("UTF-32BE"),
                        Charset.forName("UTF-32LE"), StandardCharsets.ISO_8859_1));
                byte[] bom = Junk.pick(r, List.of(new byte[0], new byte[] {(byte) 0xFF, (byte) 0xFE}, new byte[] {(byte) 0xFE, (byte) 0xFF},
                        new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}));
                d.bodyBytes = Junk.concat(bom, new String(b, StandardCharsets.UTF_8).getBytes(cs));
                return "body in " + cs + " bom " + bom.length;
            }
            case 3 -> {
                d.bodyBytes = Junk.randomBytes(r, Junk.pick(r, List.of(1, 16, 1000, 70_000)));
                return "random body " + d.bodyBytes.length;
            }
            case 4 -> {
                Seed other = Junk.pick(r, seeds);
                d.body = other.body();
                d.bodyBytes = null;
                return "body of " + other.name();
            }
            case 5 -> {
                d.bodyBytes = new byte[0];
                return "empty body";
            }
            case 6 -> {
                d.bodyBytes = Junk.pick(r, List.of("null", "[]", "\"text\"", "123", "true", "{}", "{\"a\":", "<xml/>", "a=b&c",
                        "\u0000\u0000\u0000{", "\u0000{\u0000}")).getBytes(StandardCharsets.ISO_8859_1);
                return "body " + Text.printable(new String(d.bodyBytes, StandardCharsets.ISO_8859_1));
            }
            case 7 -> {
                int n = Junk.pick(r, List.of(999_000, 1_000_001, 2_500_000));
                d.bodyBytes = ("{\"name\":\"" + "x".repeat(n) + "\"}").getBytes(StandardCharsets.UTF_8);
                return "JSON body of " + n + " chars";
            }
            default -> {
                d.bodyBytes = Junk.concat(b, Junk.pick(r, List.of("garbage", "\r\n\r\nGET / HTTP/1.1\r\n\r\n", "}", "\u0000")).getBytes(
                        StandardCharsets.ISO_8859_1));
                return "trailing garbage";
            }
        }
    }

    private String json(Draft d, Json j, SplittableRandom r) {
        JsonNode root = j.node();
        switch (r.nextInt(12)) {
            case 0, 1, 2 -> {
                JsonNode replaced = junkJson(r, 0);
                String where = replaceRandom(root, replaced, r);
                return "json type confusion at " + where;
            }
            case 3 -> {
                String where = removeRandom(root, r);
                return "json drop " + where;
            }
            case 4 -> {
                if (root instanceof ObjectNode o) {
                    for (int i = 0; i < 1 + r.nextInt(3); i++) {
                        o.set(Junk.pick(r, List.of("extra", "__proto__", "", "id", "role", "status", "participantId", "cycle",
                                "answers", "a".repeat(500))), junkJson(r, 0));
                    }
                }
                return "json extra fields";
            }
            case 5 -> {
                int depth = Junk.pick(r, List.of(200, 1500, 100_000));
                String open = r.nextBoolean() ? "[" : "{\"a\":";
                String close = open.equals("[") ? "]" : "}";
                d.bodyBytes = (open.repeat(depth) + "1" + close.repeat(depth)).getBytes(StandardCharsets.UTF_8);
                return "json nested " + depth;
            }
            case 6 -> {
                String literal = Junk.pick(r, List.of("1e400", "-1e400", "123456789012345678901234567890", "9".repeat(5000), "-0",
                        "NaN", "Infinity", "-Infinity", "0x10", "01", "1.", ".5", "1e", "+1"));
                replaceRandom(root, JsonNodeFactory.instance.textNode("\u0001LIT\u0001"), r);
                d.bodyBytes = new String(Seeds.bytes(d.body), StandardCharsets.UTF_8).replace("\"\\u0001LIT\\u0001\"", literal)
                        .getBytes(StandardCharsets.UTF_8);
                return "json literal " + Text.cut(literal, 20);
            }
            case 7 -> {
                int n = Junk.pick(r, List.of(100_000, 999_000, 1_000_001));
                replaceRandom(root, JsonNodeFactory.instance.textNode("y".repeat(n)), r);
                return "json string of " + n;
            }
            case 8 -> {
                String text = new String(Seeds.bytes(d.body), StandardCharsets.UTF_8);
                String dup = text.startsWith("{") && text.length() > 2 ? "{\"answers\":{},\"name\":1," + text.substring(1) : text;
                d.bodyBytes = Junk.pick(r, List.of(dup, "/* komentar */" + text, text.replace("}", ",}"), text.replace("\"", "'"),
                        text + text, text.replace(":", " : : "))).getBytes(StandardCharsets.UTF_8);
                return "json syntax";
            }
            case 9 -> {
                leaves(root, r);
                return "json leaves junk";
            }
            case 10 -> {
                d.body = new Json(junkJson(r, 0));
                return "json replaced by " + Text.cut(((Json) d.body).node().toString(), 30);
            }
            default -> {
                if (root instanceof ObjectNode o && o.has("answers") && o.get("answers") instanceof ObjectNode a) {
                    a.put(Junk.pick(r, List.of("BISINDO-AU-05-01", "NOPE-01", "", w.items.get(World.BISINDO + "/AHLI_MUDA").get(0))),
                            Junk.pick(r, List.of("5", "0", "-1", "NA ", "na", "N/A", "3.0", "١", "4 ", "", "NaN", "1e0")));
                    return "json answer values";
                }
                if (root instanceof ObjectNode o && o.has("scope")) {
                    ArrayNode s = o.putArray("scope");
                    s.add(Junk.pick(r, List.of(0, 16, -1, Integer.MAX_VALUE, 5)));
                    s.add(JsonNodeFactory.instance.numberNode(new java.math.BigInteger("4294967301")));
                    o.putArray("ticks").add(Junk.pick(r, w.tasks)).add(Junk.string(r));
                    return "json scope/ticks";
                }
                replaceRandom(root, JsonNodeFactory.instance.nullNode(), r);
                return "json null";
            }
        }
    }

    private JsonNode junkJson(SplittableRandom r, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (r.nextInt(depth > 2 ? 6 : 8)) {
            case 0:
                return f.nullNode();
            case 1:
                return f.booleanNode(r.nextBoolean());
            case 2:
                return f.numberNode(Junk.pick(r, List.of(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 40)));
            case 3:
                return f.numberNode(Junk.pick(r, List.of(1.5, -0.0, Double.MAX_VALUE, 1e-300)));
            case 4:
                return f.numberNode(new java.math.BigDecimal("1" + "0".repeat(400)));
            case 5:
                return f.textNode(Junk.string(r));
            case 6: {
                ArrayNode a = f.arrayNode();
                for (int i = 0; i < r.nextInt(4); i++) {
                    a.add(junkJson(r, depth + 1));
                }
                return a;
            }
            default: {
                ObjectNode o = f.objectNode();
                for (int i = 0; i < r.nextInt(4); i++) {
                    o.set(Junk.string(r), junkJson(r, depth + 1));
                }
                return o;
            }
        }
    }

    /** Replaces a random value somewhere in the tree (the root's own fields if nothing deeper); returns where. */
    private static String replaceRandom(JsonNode root, JsonNode value, SplittableRandom r) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        if (containers.isEmpty()) {
            return "(none)";
        }
        JsonNode c = Junk.pick(r, containers);
        if (c instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            String n = names.isEmpty() ? "x" : Junk.pick(r, names);
            o.set(n, value);
            return n;
        }
        ArrayNode a = (ArrayNode) c;
        if (a.isEmpty()) {
            a.add(value);
            return "[0]";
        }
        int i = r.nextInt(a.size());
        a.set(i, value);
        return "[" + i + "]";
    }

    private static String removeRandom(JsonNode root, SplittableRandom r) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        if (containers.isEmpty()) {
            return "(none)";
        }
        JsonNode c = Junk.pick(r, containers);
        if (c instanceof ObjectNode o && o.size() > 0) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            String n = Junk.pick(r, names);
            o.remove(n);
            return n;
        }
        if (c instanceof ArrayNode a && a.size() > 0) {
            a.remove(r.nextInt(a.size()));
            return "[]";
        }
        return "(empty)";
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            for (Iterator<JsonNode> it = n.elements(); it.hasNext();) {
                collect(it.next(), out);
            }
        }
    }

    private static void leaves(JsonNode n, SplittableRandom r) {
        if (n instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String k : names) {
                if (o.get(k).isValueNode() && r.nextBoolean()) {
                    o.put(k, Junk.string(r));
                } else {
                    leaves(o.get(k), r);
                }
            }
        } else if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isValueNode() && r.nextBoolean()) {
                    a.set(i, JsonNodeFactory.instance.textNode(Junk.string(r)));
                } else {
                    leaves(a.get(i), r);
                }
            }
        }
    }

    private String csv(Draft d, String text, SplittableRandom r) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        char delim = lines.isEmpty() || !lines.get(0).contains(";") ? ',' : ';';
        String sep = String.valueOf(delim);
        String op;
        switch (r.nextInt(14)) {
            case 0 -> {
                List<String> h = new ArrayList<>(List.of(lines.get(0).split(java.util.regex.Pattern.quote(sep), -1)));
                int i = r.nextInt(h.size());
                switch (r.nextInt(5)) {
                    case 0 -> h.set(i, h.get(i).toUpperCase());
                    case 1 -> h.remove(i);
                    case 2 -> h.add(h.get(i));
                    case 3 -> java.util.Collections.swap(h, i, r.nextInt(h.size()));
                    default -> h.set(i, Junk.string(r));
                }
                lines.set(0, String.join(sep, h));
                op = "csv header";
            }
            case 1 -> {
                String to = Junk.pick(r, List.of("\t", "|", ",", ";", " ", ";;"));
                for (int i = 0; i < lines.size(); i++) {
                    if (i == 0 || r.nextBoolean()) {
                        lines.set(i, lines.get(i).replace(sep, to));
                    }
                }
                op = "csv delimiter " + Text.printable(to);
            }
            case 2 -> {
                String bom = Junk.pick(r, List.of("\uFEFF", "\uFEFF\uFEFF", "\uFFFE"));
                lines.set(0, bom + lines.get(0));
                op = "csv BOM";
            }
            case 3 -> {
                int i = 1 + r.nextInt(Math.max(1, lines.size() - 1));
                if (i < lines.size()) {
                    String q = Junk.pick(r, List.of("\"", "\"a\"\"b", "\"a" + sep + "b\"", "\"a\nb\"", "\"\"\"", "x\"y"));
                    lines.set(i, q + sep + lines.get(i));
                }
                op = "csv quotes";
            }
            case 4 -> {
                int i = 1 + r.nextInt(Math.max(1, lines.size() - 1));
                if (i < lines.size()) {
                    String[] cells = lines.get(i).split(java.util.regex.Pattern.quote(sep), -1);
                    cells[r.nextInt(cells.length)] = Junk.pick(r, List.of("=cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil.example\")",
                            "+1+1", "-2+3", "@SUM(A1:A9)", "\t=1", "=1+1;=2"));
                    lines.set(i, String.join(sep, cells));
                }
                op = "csv formula";
            }
            case 5 -> {
                lines.set(0, lines.get(0) + (sep + "x").repeat(10_000));
                op = "csv 10k columns";
            }
            case 6 -> {
                int n = Junk.pick(r, List.of(500, 5000));
                List<String> more = new ArrayList<>(lines);
                for (int k = 0; k < n; k++) {
                    more.add(lines.size() > 1 ? lines.get(1 + k % (lines.size() - 1)) : lines.get(0));
                }
                lines = more;
                op = "csv +" + n + " rows";
            }
            case 7 -> {
                int i = 1 + r.nextInt(Math.max(1, lines.size() - 1));
                if (i < lines.size()) {
                    String[] cells = lines.get(i).split(java.util.regex.Pattern.quote(sep), -1);
                    int c = r.nextInt(cells.length);
                    cells[c] = r.nextInt(4) == 0 ? "z".repeat(100_000) : Junk.string(r).replace("\n", " ");
                    lines.set(i, String.join(sep, cells));
                    op = "csv cell " + c + " junk";
                } else {
                    op = "csv cell";
                }
            }
            case 8 -> {
                d.bodyBytes = String.join(Junk.pick(r, List.of("\r", "\r\n", "\n\n", "\r\r\n")), lines).getBytes(StandardCharsets.UTF_8);
                return "csv line endings";
            }
            case 9 -> {
                d.bodyBytes = String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
                return "csv in Latin-1";
            }
            case 10 -> {
                lines = lines.subList(0, 1);
                op = "csv header only";
            }
            case 11 -> {
                lines.add(r.nextBoolean() ? "" : sep.repeat(10));
                lines.add(1, ";;;;;;;;;;;");
                op = "csv blank rows";
            }
            case 12 -> {
                int i = 1 + r.nextInt(Math.max(1, lines.size() - 1));
                if (i < lines.size()) {
                    String[] cells = lines.get(i).split(java.util.regex.Pattern.quote(sep), -1);
                    cells[cells.length - 1] = Junk.pick(r, List.of("5", "0", "-1", "NA ", "na", "1e309", "NaN", "100,001", "70,00999",
                            "85,5,5", "", "١", "9".repeat(40)));
                    lines.set(i, String.join(sep, cells));
                }
                op = "csv last value";
            }
            default -> {
                d.bodyBytes = Junk.pick(r, List.of("", "\n\n\n", "\uFEFF", "nip", "\u0000\u0001\u0002")).getBytes(StandardCharsets.UTF_8);
                return "csv nearly empty";
            }
        }
        d.bodyBytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        return op;
    }

    private String form(Draft d, Form f, SplittableRandom r) {
        List<String[]> fields = new ArrayList<>();
        f.fields().forEach(x -> fields.add(x.clone()));
        String op;
        switch (r.nextInt(12)) {
            case 0 -> {
                if (!fields.isEmpty()) {
                    fields.remove(r.nextInt(fields.size()));
                }
                op = "form drop field";
            }
            case 1 -> {
                fields.add(new String[] {r.nextBoolean() ? Junk.pick(r, List.of("aksi", "j.X", "lingkup", "tugas", "peran", "nama", "kode",
                        "_csrf", "pratinjau", "status", "program")) : Junk.string(r), Junk.string(r)});
                op = "form extra field";
            }
            case 2, 3 -> {
                if (!fields.isEmpty()) {
                    String[] x = Junk.pick(r, fields);
                    x[1] = r.nextBoolean() ? Junk.string(r) : Junk.pick(r, List.of("5", "0", "NA", "kirim", "lanjut", "ubah", "99", "-1",
                            "ATASAN", "DIRI", "nonaktif", "31/02/2025", "2025-13-01", "9999-12-31", "0000-00-00"));
                    op = "form value " + x[0];
                } else {
                    op = "form value";
                }
            }
            case 4 -> {
                if (!fields.isEmpty()) {
                    String[] x = Junk.pick(r, fields);
                    fields.add(new String[] {x[0], Junk.string(r)});
                }
                op = "form duplicate field";
            }
            case 5 -> {
                for (int i = 0; i < 5000; i++) {
                    fields.add(new String[] {"f" + i, "v"});
                }
                op = "form 5000 fields";
            }
            case 6 -> {
                fields.add(new String[] {"big", "b".repeat(300_000)});
                op = "form 300 KB";
            }
            case 7 -> {
                d.bodyBytes = Junk.concat(Seeds.bytes(new Form(fields)), Junk.pick(r, List.of("&x=%zz", "&%=1", "&a=%C3%28", "&=&&",
                        "&a=%FF%FE", "&aksi=kirim&aksi=simpan")).getBytes(StandardCharsets.ISO_8859_1));
                return "form raw encoding";
            }
            case 8 -> {
                fields.removeIf(x -> x[0].equals("_csrf"));
                op = "form without _csrf";
            }
            case 9 -> {
                fields.removeIf(x -> x[0].equals("_csrf"));
                fields.add(new String[] {"_csrf", Junk.pick(r, List.of(w.csrf2, w.csrf + "x", "", Junk.ascii(r, 40), w.csrf.toUpperCase()))});
                op = "form wrong _csrf";
            }
            case 10 -> {
                d.header("Origin", null);
                d.header("Referer", r.nextBoolean() ? null : Junk.pick(r, List.of("http://evil.example/x", w.origin() + "/admin", "null")));
                op = "form origin/referer";
            }
            default -> {
                fields.add(new String[] {"aksi", Junk.pick(r, List.of("kirim", "lanjut", "ubah", "", "KIRIM", "simpan"))});
                fields.add(new String[] {"j." + Junk.pick(r, List.of("BISINDO-AU-05-01", "X", "")), Junk.pick(r, List.of("5", "1", "NA"))});
                op = "form actions";
            }
        }
        d.body = new Form(fields);
        d.bodyBytes = null;
        return op;
    }

    /** The part to mutate as the file: the file part, else the first part; a list an earlier mutation emptied gets a new file part. */
    private static Part filePart(List<Part> parts) {
        if (parts.isEmpty()) {
            parts.add(new Part("file", "x.csv", "text/csv", "nip\n".getBytes(StandardCharsets.UTF_8)));
        }
        return parts.stream().filter(p -> p.filename() != null).findFirst().orElse(parts.get(0));
    }

    private String multipart(Draft d, Multi m, SplittableRandom r) {
        List<Part> parts = new ArrayList<>(m.parts());
        String boundary = m.boundary();
        switch (r.nextInt(12)) {
            case 0 -> {
                d.header("Content-Type", "multipart/form-data");
                return "multipart without boundary";
            }
            case 1 -> {
                d.header("Content-Type", "multipart/form-data; boundary=" + Junk.pick(r, List.of("other", "", "\"q\"", "a".repeat(200))));
                return "multipart wrong boundary";
            }
            case 2 -> {
                byte[] b = Seeds.bytes(m);
                d.bodyBytes = java.util.Arrays.copyOf(b, r.nextInt(Math.max(1, b.length)));
                return "multipart truncated";
            }
            case 3 -> {
                String b = new String(Seeds.bytes(m), StandardCharsets.ISO_8859_1);
                d.bodyBytes = b.substring(0, b.lastIndexOf("--" + boundary + "--")).getBytes(StandardCharsets.ISO_8859_1);
                return "multipart without closing delimiter";
            }
            case 4 -> {
                parts.removeIf(p -> p.filename() != null);
                d.body = new Multi(parts, boundary);
                return "multipart without file";
            }
            case 5, 6 -> {
                Part f = filePart(parts);
                String name = Junk.pick(r, List.of("a".repeat(10_000), "../../../etc/passwd", "..\\..\\x.csv", "", "\u0000.csv", "x\".csv",
                        "日本.xlsx", "x.jar"));
                parts.set(parts.indexOf(f), new Part(f.name(), name, f.type(), f.data()));
                d.body = new Multi(parts, boundary);
                return "multipart filename " + Text.cut(Text.printable(name), 20);
            }
            case 7 -> {
                Part f = filePart(parts);
                parts.add(new Part(f.name(), "second.csv", "text/csv", "nip\n1\n".getBytes(StandardCharsets.UTF_8)));
                d.body = new Multi(parts, boundary);
                return "multipart two files";
            }
            case 8 -> {
                d.bodyBytes = new String(Seeds.bytes(m), StandardCharsets.ISO_8859_1).replace("\r\n", "\n").getBytes(StandardCharsets.ISO_8859_1);
                return "multipart LF only";
            }
            case 9 -> {
                Part f = filePart(parts);
                byte[] data = r.nextBoolean() ? Junk.badXlsx(r, w.participantsXlsx) : Junk.randomBytes(r, 2000);
                parts.set(parts.indexOf(f), new Part(f.name(), f.filename(), Junk.pick(r, List.of("text/csv", "application/octet-stream",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "garbage")), data));
                d.body = new Multi(parts, boundary);
                return "multipart file junk";
            }
            case 10 -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--" + boundary
                        + "\r\nX-Junk\r\n\r\nno header colon\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\""
                        + "\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!!\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
                d.bodyBytes = out.toByteArray();
                return "multipart broken part headers";
            }
            default -> {
                parts.removeIf(p -> p.name().equals("_csrf"));
                if (r.nextBoolean()) {
                    parts.add(0, new Part("_csrf", null, null, w.csrf2.getBytes(StandardCharsets.UTF_8)));
                }
                d.body = new Multi(parts, boundary);
                return "multipart _csrf wrong or missing";
            }
        }
    }

    // ---- raw bytes on the wire ----

    private byte[] lastRaw;

    /** The request as bytes with one protocol-level lie; allowed collects the 5xx statuses that are the correct answer. */
    private String rawify(Wire.Req req, SplittableRandom r, Set<Integer> allowed) {
        String method = req.method();
        String target = req.target();
        String version = "HTTP/1.1";
        List<String[]> headers = new ArrayList<>(req.headers());
        headers.removeIf(h -> h[0].equalsIgnoreCase("Host"));
        headers.add(0, new String[] {"Host", req.header("Host") != null ? req.header("Host") : "127.0.0.1:" + w.wire.port()});
        byte[] body = req.body();
        String length = String.valueOf(body.length);
        List<String> extra = new ArrayList<>();
        String eol = "\r\n";
        String op;
        byte[] targetBytes = null;
        switch (r.nextInt(16)) {
            case 0 -> {
                length = Junk.pick(r, List.of("-1", "99999999999999999999", "abc", " 5", "5, 5", "+5", "0x10", ""));
                op = "raw Content-Length: " + length;
            }
            case 1 -> {
                length = String.valueOf(Math.max(0, body.length - 1 - r.nextInt(Math.max(1, body.length))));
                op = "raw Content-Length shorter (" + length + " of " + body.length + ")";
            }
            case 2 -> {
                length = String.valueOf(body.length + 1 + r.nextInt(1000));
                op = "raw Content-Length longer (" + length + " of " + body.length + "), then EOF";
            }
            case 3 -> {
                extra.add("Content-Length: " + (body.length + 7));
                op = "raw two Content-Lengths";
            }
            case 4 -> {
                length = null;
                extra.add("Transfer-Encoding: chunked");
                String chunk = Junk.pick(r, List.of("zz", "-1", "ffffffffffffffff", "5;ext=\"x", ""));
                body = Junk.concat((chunk + "\r\n").getBytes(StandardCharsets.ISO_8859_1), Junk.concat(body, "\r\n".getBytes(StandardCharsets.ISO_8859_1)));
                op = "raw chunked with size " + chunk;
            }
            case 5 -> {
                extra.add("Transfer-Encoding: chunked");
                String hex = Integer.toHexString(body.length);
                body = Junk.concat((hex + "\r\n").getBytes(StandardCharsets.ISO_8859_1), Junk.concat(body, "\r\n".getBytes(StandardCharsets.ISO_8859_1)));
                op = "raw chunked and Content-Length, no last chunk";
            }
            case 6 -> {
                length = null;
                String te = Junk.pick(r, List.of("gzip", "chunked, gzip", "identity", "x-unknown"));
                extra.add("Transfer-Encoding: " + te);
                allowed.add(501);
                op = "raw Transfer-Encoding: " + te;
            }
            case 7 -> {
                String bad = Junk.pick(r, List.of("%zz", "%", "%0", "%c0%ae%c0%ae", "%2e%2e/%2e%2e", "%ff%fe", "a%00b", "%%"));
                target = target.contains("?") ? target.replaceFirst("\\?", bad + "?") : target + bad;
                op = "raw target escape " + bad;
            }
            case 8 -> {
                byte[] raw = Junk.pick(r, List.of(new byte[] {(byte) 0xFF, (byte) 0xFE}, "é".getBytes(StandardCharsets.UTF_8),
                        "é".getBytes(StandardCharsets.ISO_8859_1), new byte[] {(byte) 0xC0, (byte) 0xAF}, " x".getBytes(StandardCharsets.ISO_8859_1),
                        "\t".getBytes(StandardCharsets.ISO_8859_1), new byte[] {0x7F}));
                targetBytes = Junk.concat(target.getBytes(StandardCharsets.ISO_8859_1), raw);
                op = "raw bytes in target";
            }
            case 9 -> {
                target = Junk.pick(r, List.of("http://evil.example" + target, "*", "", "//" + target, "http://127.0.0.1:" + w.wire.port() + target,
                        "../" + target));
                op = "raw target form " + Text.cut(target, 30);
            }
            case 10 -> {
                version = Junk.pick(r, List.of("HTTP/1.0", "HTTP/2.0", "HTTP/9.9", "http/1.1", "HTTP/1.1x", "HTTP/1", ""));
                if (!version.equals("HTTP/1.0") && !version.equals("HTTP/1.1")) {
                    allowed.add(505);
                }
                if (version.equals("HTTP/1.0")) {
                    headers.remove(0);
                }
                op = "raw version " + version;
            }
            case 11 -> {
                extra.add(Junk.pick(r, List.of("X-Folded: a\r\n b", "NoColonHere", "X-Nul: a\u0000b", "Bad Name: x", " Leading: space",
                        "X-Latin: é", "Host: evil.example", "Host:", ": empty-name")));
                op = "raw header " + Text.printable(extra.get(0));
            }
            case 12 -> {
                extra.add("X-Huge: " + "h".repeat(Junk.pick(r, List.of(9000, 70_000))));
                op = "raw huge header";
            }
            case 13 -> {
                eol = "\n";
                op = "raw LF line endings";
            }
            case 14 -> {
                method = Junk.pick(r, List.of("get", "G\u0000ET", "X".repeat(5000), "", "GET GET", "POST\t"));
                op = "raw method " + Text.printable(Text.cut(method, 12));
            }
            default -> {
                headers.removeIf(h -> h[0].equalsIgnoreCase("Content-Type"));
                extra.add("Content-Type: " + Junk.pick(r, List.of("application/json; charset=\"", "multipart/form-data; boundary=\"unterminated",
                        "text/csv; charset=x-unknown", "application/json\u0000")));
                op = "raw Content-Type " + Text.printable(extra.get(0));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((method + " ").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(targetBytes != null ? targetBytes : target.getBytes(StandardCharsets.UTF_8));
        out.writeBytes((" " + version + eol).getBytes(StandardCharsets.ISO_8859_1));
        StringBuilder h = new StringBuilder();
        for (String[] x : headers) {
            if (!x[0].equalsIgnoreCase("Content-Length") && !x[0].equalsIgnoreCase("Connection")) {
                h.append(x[0]).append(": ").append(x[1]).append(eol);
            }
        }
        if (length != null) {
            h.append("Content-Length: ").append(length).append(eol);
        }
        for (String x : extra) {
            h.append(x).append(eol);
        }
        h.append("Connection: close").append(eol).append(eol);
        out.writeBytes(h.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        lastRaw = out.toByteArray();
        return op;
    }

    // ---- purely random ----

    private Case randomRequest(int n, SplittableRandom r) {
        String method = Junk.pick(r, METHODS);
        List<String> segs = new ArrayList<>();
        int len = 1 + r.nextInt(6);
        for (int i = 0; i < len; i++) {
            switch (r.nextInt(5)) {
                case 0, 1 -> segs.add(Junk.pick(r, Junk.WORDS));
                case 2 -> segs.add(Junk.id(r, ids()));
                case 3 -> segs.add(Junk.pick(r, new ArrayList<>(w.links.values())).credential().replace("k:", "k%3A"));
                default -> segs.add(Junk.segment(r));
            }
        }
        if (r.nextBoolean()) {
            segs.add(0, "api");
        }
        List<String[]> query = new ArrayList<>();
        for (int i = 0; i < r.nextInt(3); i++) {
            query.add(new String[] {Junk.pick(r, QUERY_KEYS), Text.encode(Junk.string(r))});
        }
        List<String[]> headers = new ArrayList<>();
        if (r.nextBoolean()) {
            headers.add(new String[] {"Content-Type", Junk.pick(r, CONTENT_TYPES)});
        }
        if (r.nextBoolean()) {
            headers.add(new String[] {"Accept", Junk.pick(r, ACCEPTS)});
        }
        switch (r.nextInt(4)) {
            case 0 -> headers.add(new String[] {"Authorization", "Bearer " + w.admin});
            case 1 -> headers.add(new String[] {"Cookie", "EVKIN_SESSION=" + w.session});
            case 2 -> headers.add(new String[] {"Origin", Junk.pick(r, List.of("http://evil.example", w.origin()))});
            default -> {
            }
        }
        byte[] body = switch (r.nextInt(4)) {
            case 0 -> new byte[0];
            case 1 -> Junk.randomBytes(r, 1 + r.nextInt(3000));
            case 2 -> junkJson(r, 0).toString().getBytes(StandardCharsets.UTF_8);
            default -> ("a=" + Text.encode(Junk.string(r)) + "&_csrf=" + w.csrf).getBytes(StandardCharsets.UTF_8);
        };
        Wire.Req req = Scope.guard(Seeds.render(method, segs, query, headers, new Bin(body, "random")), w);
        return expressible(new Case(n, "random", List.of("random request"), req, Set.of()));
    }
}
