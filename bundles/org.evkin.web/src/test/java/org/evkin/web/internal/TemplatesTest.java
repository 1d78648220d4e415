package org.evkin.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evkin.workflow.Battery;
import org.evkin.workflow.Cycle;
import org.junit.jupiter.api.Test;

/** Every template renders with the texts of messages.properties, escapes what it shows, and hard-codes no text. */
class TemplatesTest {

    static final List<String> TEMPLATES = List.of("layout.ftlh", "beranda.ftlh", "masuk.ftlh", "admin.ftlh", "galat.ftlh");
    private final Messages messages = Messages.indonesian();
    private final Templates templates = new Templates(getClass().getClassLoader());

    private Map<String, Object> base(Map<String, Object> page, boolean signedIn) {
        Map<String, Object> m = new HashMap<>(page);
        m.put("t", messages.method());
        m.put("css", "/static/evkin.css?v=0123456789abcdef");
        m.put("path", "/admin");
        if (signedIn) {
            m.put("accountName", "Admin <Nasional>");
            m.put("csrf", "csrf-token-value");
        }
        return m;
    }

    @Test
    void landingPageExplainsAndOffersTheCodeForm() throws Exception {
        String html = templates.render("beranda.ftlh", base(Map.of(), false));
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<html lang=\"id\">"));
        assertTrue(html.contains("href=\"#isi\""), "skip link");
        assertTrue(html.contains("<main id=\"isi\""));
        assertTrue(html.contains("action=\"/kode\""));
        assertTrue(html.contains("<label for=\"kode\">Kode penilaian</label>"));
        assertTrue(html.contains("href=\"/masuk\""));
        assertFalse(html.contains("/keluar"), "no sign-out button without a session");
    }

    @Test
    void signInFormWithErrorsLinksTheSummaryToTheFieldsAndKeepsTheEmail() throws Exception {
        Map<String, Object> page = new HashMap<>();
        page.put("email", "a\"b@x.id");
        page.put("lanjut", "/admin");
        page.put("errors", List.of(new FieldError("email", "E-mail atau kata sandi salah.")));
        page.put("formError", "E-mail atau kata sandi salah.");
        String html = templates.render("masuk.ftlh", base(page, false));
        assertTrue(html.contains("<title>Galat: Masuk admin"), "title says there is an error");
        assertTrue(html.contains("role=\"alert\""));
        assertTrue(html.contains("<a href=\"#email\">E-mail atau kata sandi salah.</a>"));
        assertTrue(html.contains("value=\"a&quot;b@x.id\""), "e-mail kept and escaped");
        assertTrue(html.contains("aria-describedby=\"masuk-galat\""));
        assertTrue(html.contains("id=\"masuk-galat\""));
        assertFalse(html.contains("name=\"password\" value"), "the password is never echoed");

        page.put("errors", List.of(new FieldError("password", "Masukkan kata sandi Anda.")));
        page.remove("formError");
        page.put("passwordError", "Masukkan kata sandi Anda.");
        html = templates.render("masuk.ftlh", base(page, false));
        assertTrue(html.contains("<a href=\"#password\">"));
        assertTrue(html.contains("id=\"password-galat\""));
        assertTrue(html.contains("aria-describedby=\"password-galat\""));
        assertFalse(html.contains("aria-describedby=\"masuk-galat\""));
    }

    @Test
    void dashboardListsCyclesAsATableAndEscapesNames() throws Exception {
        Battery b1 = new Battery("COP-BISINDO-2025", true, LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 30),
                LocalDate.of(2025, 12, 7));
        Battery b2 = new Battery("GENAI-PAK-2025", false, LocalDate.of(2025, 8, 27), LocalDate.of(2025, 9, 30), null);
        Cycle c = new Cycle(7, "EvKin <2025>", Instant.now(), List.of(b1, b2));
        Cycle empty = new Cycle(8, "Kosong", Instant.now(), List.of());
        String html = templates.render("admin.ftlh",
                base(Map.of("cycles", List.of(CycleRow.of(c), CycleRow.of(empty))), true));
        assertTrue(html.contains("EvKin &lt;2025&gt;"));
        assertFalse(html.contains("EvKin <2025>"));
        assertTrue(html.contains("<th scope=\"col\">Kode program</th>"));
        assertTrue(html.contains("1 November 2025 s.d. 30 November 2025"), html);
        assertTrue(html.contains("diperpanjang sampai 7 Desember 2025"));
        assertTrue(html.contains("Tidak aktif"));
        assertTrue(html.contains("Belum ada program yang dijadwalkan"));
        assertTrue(html.contains("Masuk sebagai Admin &lt;Nasional&gt;"));
        assertTrue(html.contains("name=\"_csrf\" value=\"csrf-token-value\""));
        assertTrue(html.contains("aria-current=\"page\""));

        html = templates.render("admin.ftlh", base(Map.of("cycles", List.of()), true));
        assertTrue(html.contains("Belum ada siklus evaluasi."));
    }

    @Test
    void errorPageShowsTitleMessageAndStatus() throws Exception {
        Result.Page p = ErrorPages.internal(messages, "ABCD2345");
        String html = templates.render(p.template(), base(p.model(), false));
        assertEquals(500, p.status());
        assertTrue(html.contains("<h1>Terjadi kesalahan</h1>"));
        assertTrue(html.contains("ABCD2345"));
        assertTrue(html.contains("Kode status HTTP 500"));
    }

    @Test
    void aMissingTextKeyFailsTheRenderingInsteadOfShowingAPartialPage() {
        Templates broken = new Templates(new ClassLoader(getClass().getClassLoader()) {
            @Override
            public InputStream getResourceAsStream(String name) {
                return name.endsWith("rusak.ftlh")
                        ? new java.io.ByteArrayInputStream("<p>${t(\"tidak.ada\")}</p>".getBytes(StandardCharsets.UTF_8))
                        : super.getResourceAsStream(name);
            }

            @Override
            public java.net.URL getResource(String name) {
                if (name.endsWith("rusak.ftlh")) {
                    try {
                        return new java.net.URL(null, "mem:rusak.ftlh", new java.net.URLStreamHandler() {
                            @Override
                            protected java.net.URLConnection openConnection(java.net.URL u) {
                                return new java.net.URLConnection(u) {
                                    @Override
                                    public void connect() {
                                    }

                                    @Override
                                    public InputStream getInputStream() {
                                        return new java.io.ByteArrayInputStream(
                                                "<p>${t(\"tidak.ada\")}</p>".getBytes(StandardCharsets.UTF_8));
                                    }
                                };
                            }
                        });
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return super.getResource(name);
            }
        });
        assertThrows(Exception.class, () -> broken.render("rusak.ftlh", base(Map.of(), false)));
    }

    @Test
    void everyTextKeyUsedInTheTemplatesExists() throws Exception {
        Pattern call = Pattern.compile("\\bt\\(\"([^\"]+)\"");
        List<String> missing = new ArrayList<>();
        for (String name : TEMPLATES) {
            Matcher m = call.matcher(read("templates/" + name));
            while (m.find()) {
                if (!messages.has(m.group(1))) {
                    missing.add(name + ": " + m.group(1));
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void templatesHardCodeNoVisibleText() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String name : TEMPLATES) {
            String s = read("templates/" + name);
            s = s.replaceAll("(?s)<#--.*?-->", " ");
            s = s.replaceAll("\\$\\{[^}]*}", " ");
            Matcher attr = Pattern.compile("\\b(aria-label|title|placeholder|alt|value)=\"([^\"]*)\"").matcher(s);
            while (attr.find()) {
                if (attr.group(2).matches(".*\\p{L}.*")) {
                    problems.add(name + ": attribute " + attr.group());
                }
            }
            s = s.replaceAll("</?[#@][^>]*>", " ").replaceAll("<[^>]*>", " ").replaceAll("&[a-z]+;", " ");
            for (String line : s.split("\n")) {
                if (line.matches(".*\\p{L}.*")) {
                    problems.add(name + ": text '" + line.strip() + "'");
                }
            }
        }
        assertEquals(List.of(), problems, "every visible text must come from messages.properties");
    }

    @Test
    void messagesHaveNoLoneApostrophes() throws Exception {
        for (String line : read("org/evkin/web/internal/messages.properties").split("\n")) {
            if (!line.startsWith("#")) {
                assertFalse(line.replace("''", "").contains("'"), "write '' for an apostrophe: " + line);
            }
        }
    }

    @Test
    void pagesAndStyleSheetStayFarBelowOneHundredKilobytes() throws Exception {
        int css = read("static/evkin.css").getBytes(StandardCharsets.UTF_8).length;
        int landing = templates.render("beranda.ftlh", base(Map.of(), false)).getBytes(StandardCharsets.UTF_8).length;
        assertTrue(css + landing < 30_000, "css " + css + " + landing " + landing);
    }

    static String read(String resource) throws IOException {
        try (InputStream in = TemplatesTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " not found");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
