package org.evkin.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The admin-*.ftlh templates and adminpages.properties: every text from the file, every key there, every post with _csrf. */
class AdminFlowTemplatesTest {

    static final List<String> TEMPLATES = List.of("admin-makro.ftlh", "admin-siklus-baru.ftlh", "admin-siklus.ftlh",
            "admin-peserta.ftlh", "admin-jawaban.ftlh", "admin-undangan.ftlh", "admin-pantau.ftlh");
    static final String TEXTS = "org/evkin/web/internal/adminpages.properties";

    private final Messages messages = Messages.indonesian();

    @Test
    void everyTextKeyUsedExistsAndAdminFlowPagesUsesOnlyItsOwnKeys() throws Exception {
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
        Matcher java = Pattern.compile("\"(adm\\.[A-Za-z.]+)\"").matcher(read("AdminFlowPages.java", true));
        while (java.find()) {
            if (!java.group(1).endsWith(".") && !messages.has(java.group(1))) {
                missing.add("AdminFlowPages.java: " + java.group(1));
            }
        }
        for (String role : List.of("DIRI", "ATASAN", "REKAN", "PENGGUNA")) {
            assertTrue(messages.has("adm.peran." + role), role);
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
                if (attr.group(2).matches(".*\\p{L}.*") && !attr.group(2).matches("aktif|nonaktif|ada|baru")) {
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
        assertEquals(List.of(), problems, "every visible text must come from adminpages.properties");
    }

    @Test
    void everyPostFormCarriesTheCsrfField() throws Exception {
        for (String name : TEMPLATES) {
            Matcher form = Pattern.compile("(?s)<form method=\"post\".*?</form>").matcher(read("templates/" + name));
            while (form.find()) {
                assertTrue(form.group().contains("<input type=\"hidden\" name=\"_csrf\" value=\"${csrf}\">"), name + ": " + form.group());
            }
        }
    }

    @Test
    void theTextsAreOwnKeysWithoutLoneApostrophes() throws Exception {
        Properties p = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(TEXTS)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertTrue(p.size() > 100);
        for (String key : p.stringPropertyNames()) {
            assertTrue(key.startsWith("adm."), "keys of this file start with adm.: " + key);
            assertFalse(p.getProperty(key).replace("''", "").contains("'"), "write '' for an apostrophe: " + key);
        }
    }

    static String read(String resource) throws IOException {
        return read(resource, false);
    }

    private static String read(String resource, boolean file) throws IOException {
        if (file) {
            return java.nio.file.Files.readString(java.nio.file.Path.of("src/main/java/org/evkin/web/internal/AdminFlowPages.java"));
        }
        try (InputStream in = AdminFlowTemplatesTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " not found");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
