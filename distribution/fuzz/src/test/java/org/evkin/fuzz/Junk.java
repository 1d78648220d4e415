package org.evkin.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hostile values: strings (huge, unicode, traversal, control characters, numbers at the edges, injections), and
 * whole files (XLSX and JAR packages, broken or bomb-like). Nothing here contains a stack-trace mark, so a mark in an
 * answer can only come from the server.
 */
final class Junk {

    static final List<String> UNICODE = List.of("Ünïcödé Ñoño", "日本語テキスト", "😀🎉🇮🇩", "\u202eevil\u202c", "zero\u200bwidth",
            "e\u0301\u0301\u0301", "\uFEFFbom", "ĀĒĪŌŪ ŞĞİ", "Peserta\u00a0Satu", "\u0000nul", "line\r\nbreak", "tab\there", "\u0007bell",
            "\uD800", "\uDFFF\uD800", "ß", "İ", "\u0130\u0131", "𝕏𝕐ℤ", "عربى", "עברית", "\u3000", "\\", "/", "%", "+", "&", "=", "#", "?");
    static final List<String> TRAVERSAL = List.of("..", ".", "../..", "../../../../etc/passwd", "..\\..\\windows\\win.ini", "....//",
            "%2e%2e", "%2e%2e%2f", "..%2f", "%2e%2e%5c", "..;", ";..", "/etc/passwd", "file:///etc/passwd", "C:\\boot.ini",
            "\\\\server\\share", "~root", "%c0%ae%c0%ae", "%252e%252e", "..%00", "WEB-INF/web.xml", "META-INF/MANIFEST.MF");
    static final List<String> NUMBERS = List.of("0", "-1", "-0", "1.5", "1e3", "1e309", "-1e309", "NaN", "Infinity", "-Infinity",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "99999999999999999999999999999", "0x1F", "017",
            "١٢٣", "+1", " 1 ", "1_000", "00000000000000000001", "2147483648", "4294967297", "1,5", "85,5,5", "100.001", "70,00",
            "70.0100000000000001", "1e-400", ".5", "5.", "--1");
    static final List<String> INJECTION = List.of("' OR '1'='1", "\"; DROP TABLE participant; --", "1); DELETE FROM form; --",
            "${7*7}", "#{7*7}", "<#assign x=\"freemarker.template.utility.Execute\"?new()>${x(\"id\")}", "{{7*7}}", "<%= 7*7 %>",
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "%s%s%s%n", "%x%x",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>", "=cmd|' /C calc'!A0",
            "=HYPERLINK(\"http://evil.example\",\"klik\")", "+1+1", "-2+3", "@SUM(1+1)", "\t=1+1", "{\"a\":1}", "[]", "null", "true",
            "undefined", "__proto__", "constructor", "$where", "*", "?", "\r\nX-Injected: 1", "%0d%0aSet-Cookie:%20x=1");
    static final List<String> EMAILS = List.of("a@b", "@", "x@y.z", "not-an-email", "a@b.c" + "d".repeat(300), "\"a b\"@example.go.id",
            "admin@localhost", "a@b.c\r\nBcc: all@example.go.id", "ÜMLAUT@beispiel.de", "a..b@example.go.id", "a@example.go.id ",
            " A@EXAMPLE.GO.ID");
    static final List<String> WORDS = List.of("api", "t", "k", "admin", "siklus", "cycles", "instruments", "reports", "national",
            "participants", "report", "auth", "token", "accounts", "part1", "part2", "draft", "submit", "profile", "identity",
            "raters", "resend", "service-user", "monitoring", "reminders", "invitations", "import", "responses", "schedule",
            "problems", "form", "bagian-1", "bagian-2", "profil", "pengguna", "pemantauan", "laporan", "laporan.pdf", "masuk",
            "keluar", "kode", "static", "baru", "program", "peserta", "jawaban", "undangan", "pantau", "pengingat", "simpan",
            "identitas", "health", "openapi.json", "competency-model", "schemas", "national.pdf", "national.xlsx", "national.csv",
            "individual.zip", "COP-BISINDO-2025", "GENAI-PK-2025", "ATASAN", "REKAN", "PENGGUNA", "DIRI");

    private Junk() {
    }

    static <T> T pick(SplittableRandom r, List<T> l) {
        return l.get(r.nextInt(l.size()));
    }

    /** A hostile string; never contains a stack-trace mark. */
    static String string(SplittableRandom r) {
        String s;
        do {
            s = rawString(r);
        } while (Text.stackTraceMark(s) != null);
        return s;
    }

    private static String rawString(SplittableRandom r) {
        switch (r.nextInt(12)) {
            case 0:
                return "A".repeat(pick(r, List.of(256, 1025, 4097, 65_537)));
            case 1:
                return pick(r, UNICODE);
            case 2:
                return pick(r, TRAVERSAL);
            case 3:
                return pick(r, NUMBERS);
            case 4:
            case 5:
                return pick(r, INJECTION);
            case 6:
                return pick(r, EMAILS);
            case 7:
                return "";
            case 8:
                return " ".repeat(1 + r.nextInt(3));
            case 9:
                return ascii(r, 1 + r.nextInt(40));
            case 10:
                return latin1(r, 1 + r.nextInt(40));
            default:
                return pick(r, UNICODE) + pick(r, INJECTION) + pick(r, NUMBERS);
        }
    }

    static String ascii(SplittableRandom r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) (0x20 + r.nextInt(0x5f)));
        }
        return b.toString();
    }

    /** Any character of U+0000..U+00FF: control characters included. */
    static String latin1(SplittableRandom r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) r.nextInt(256));
        }
        return b.toString();
    }

    static byte[] randomBytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    /** A path segment: mostly percent-encoded junk (so the JDK client sends it), sometimes raw or broken escapes. */
    static String segment(SplittableRandom r) {
        switch (r.nextInt(10)) {
            case 0:
                return pick(r, List.of("%zz", "%", "%0", "%00", "%2F", "%2f", "%5C", "%ff", "%c0%af", "%e2%80%ae", "%%32%65", "%u002e",
                        "%0d%0a", "%20", "+", ";", ";a=b", "..", ".", "...", "%2e", "%2e%2e"));
            case 1:
                return pick(r, TRAVERSAL);
            case 2:
                return string(r);
            default:
                return Text.encode(string(r));
        }
    }

    /** Wrong ids: numbers at the edges and ids of other things. */
    static String id(SplittableRandom r, List<String> others) {
        if (!others.isEmpty() && r.nextInt(3) == 0) {
            return pick(r, others);
        }
        return Text.encode(pick(r, NUMBERS));
    }

    // ---- files ----

    /** An XLSX workbook with one sheet of inline strings (what SpreadsheetML needs at least). */
    static byte[] xlsx(List<List<String>> rows) {
        StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (int i = 0; i < rows.size(); i++) {
            sheet.append("<row r=\"").append(i + 1).append("\">");
            List<String> row = rows.get(i);
            for (int j = 0; j < row.size(); j++) {
                sheet.append("<c r=\"").append(column(j)).append(i + 1).append("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
                        .append(xml(row.get(j))).append("</t></is></c>");
            }
            sheet.append("</row>");
        }
        sheet.append("</sheetData></worksheet>");
        return xlsxWithSheet(sheet.toString());
    }

    static byte[] xlsxWithSheet(String sheetXml) {
        return zip(List.of(
                new String[] {"[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>"},
                new String[] {"_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"},
                new String[] {"xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Peserta\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
                new String[] {"xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"},
                new String[] {"xl/worksheets/sheet1.xml", sheetXml}));
    }

    static byte[] zip(List<String[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String[] e : entries) {
                z.putNextEntry(new ZipEntry(e[0]));
                z.write(e[1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static byte[] bomb;

    /**
     * A small XLSX whose sheet unpacks to 256 MB (spaces between two valid tags): the reader must stop at its budget.
     * Made once (about a second of deflating).
     */
    static synchronized byte[] xlsxBomb() {
        if (bomb == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(out)) {
                byte[] valid = xlsx(List.of(List.of("nip", "nama")));
                try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(valid))) {
                    for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                        byte[] data = in.readAllBytes();
                        z.putNextEntry(new ZipEntry(e.getName()));
                        if (e.getName().endsWith("sheet1.xml")) {
                            z.write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                                    .getBytes(StandardCharsets.UTF_8));
                            byte[] spaces = new byte[1 << 20];
                            java.util.Arrays.fill(spaces, (byte) ' ');
                            for (int i = 0; i < 256; i++) {
                                z.write(spaces);
                            }
                            z.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                        } else {
                            z.write(data);
                        }
                        z.closeEntry();
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            bomb = out.toByteArray();
        }
        return bomb;
    }

    /** A broken or hostile XLSX. */
    static byte[] badXlsx(SplittableRandom r, byte[] valid) {
        switch (r.nextInt(11)) {
            case 0:
                return java.util.Arrays.copyOf(valid, r.nextInt(Math.max(1, valid.length)));
            case 1:
                return xlsxBomb();
            case 2: {
                byte[] b = valid.clone();
                for (int i = 0; i < 1 + r.nextInt(8); i++) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                }
                return b;
            }
            case 3:
                return xlsxWithSheet("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">"
                        + "<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
                        + "<c r=\"A1\" t=\"inlineStr\"><is><t>&e;&b;</t></is></c></row></sheetData></worksheet>");
            case 4:
                return concat(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1},
                        randomBytes(r, 512));
            case 5:
                return concat("PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1), randomBytes(r, 1 + r.nextInt(4096)));
            case 6: {
                List<String[]> many = new ArrayList<>();
                for (int i = 0; i < 3000; i++) {
                    many.add(new String[] {"x/" + i + ".xml", ""});
                }
                return zip(many);
            }
            case 7:
                return zip(List.<String[]>of(new String[] {"../../../../tmp/evkin-fuzz.xml", "<x/>"}, new String[] {"/abs/path.xml", "<x/>"}));
            case 8: {
                StringBuilder sheet = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                        + "<row r=\"1\">");
                for (int i = 0; i < 2000; i++) {
                    sheet.append("<c r=\"").append(column(i)).append("1\" t=\"inlineStr\"><is><t>k").append(i).append("</t></is></c>");
                }
                sheet.append("</row><row r=\"1048577\"><c r=\"XFE1048577\" t=\"n\"><v>1e999</v></c><c r=\"A0\" t=\"s\"><v>99</v></c></row>"
                        + "</sheetData></worksheet>");
                return xlsxWithSheet(sheet.toString());
            }
            case 9:
                return xlsxWithSheet("<worksheet><sheetData><row><c t=\"s\"><v>-1</v></c><c t=\"b\"><v>2</v></c><c t=\"e\"><v>#REF!</v></c>"
                        + "<c r=\"ZZZZZZ1\"><v>NaN</v></c><c t=\"d\"><v>not a date</v></c></row></sheetData>");
            default:
                return new byte[0];
        }
    }

    /** A broken instrument bundle (never one the platform accepts). */
    static byte[] badJar(SplittableRandom r, byte[] valid) {
        switch (r.nextInt(9)) {
            case 0:
                return java.util.Arrays.copyOf(valid, r.nextInt(Math.max(1, valid.length)));
            case 8:
                // a symbolic name that climbs out of deploy/
                return jar("../fuzz-outside-deploy", "instrument.json", List.<String[]>of(new String[] {"instrument.json", "{}"}));
            case 1: {
                byte[] b = valid.clone();
                for (int i = 0; i < 1 + r.nextInt(4); i++) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                }
                return b;
            }
            case 2:
                return zip(List.<String[]>of(new String[] {"hello.txt", "no manifest"}));
            case 3:
                return jar("org.evkin.fuzz.junk", null, List.of());
            case 4:
                return jar("org.evkin.fuzz.junk", "instrument.json", List.of());
            case 5:
                return jar("org.evkin.fuzz.junk", "instrument.json", List.<String[]>of(new String[] {"instrument.json",
                        pick(r, List.of("{", "{\"code\":\"GENAI-PAK-2025\"}", "{\"code\":123,\"version\":[]}", "null", "[]",
                                "{\"code\":\"" + "X".repeat(5000) + "\"}"))}));
            case 6:
                return concat("PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1), randomBytes(r, 1 + r.nextInt(2048)));
            default:
                return xlsxBomb();
        }
    }

    /** A jar whose manifest names a symbolic name and (maybe) an instrument descriptor. */
    static byte[] jar(String symbolicName, String descriptor, List<String[]> entries) {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        m.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
        m.getMainAttributes().putValue("Bundle-Version", "0.0.1");
        if (descriptor != null) {
            m.getMainAttributes().putValue("EvKin-Instrument", descriptor);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream j = new JarOutputStream(out, m)) {
            for (String[] e : entries) {
                j.putNextEntry(new ZipEntry(e[0]));
                j.write(e[1].getBytes(StandardCharsets.UTF_8));
                j.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static String column(int i) {
        StringBuilder b = new StringBuilder();
        for (int n = i + 1; n > 0; n = (n - 1) / 26) {
            b.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return b.toString();
    }

    static String xml(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
