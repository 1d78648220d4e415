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
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The personal-link templates (t-*.ftlh), their texts (formpages.properties) and form.js: every text key exists, no
 * visible text is hard-coded, no text is left unused, no key collides with another area's, and the script and style
 * sheet stay small.
 */
class FormTemplatesTest {

    static final List<String> TEMPLATES = List.of("t-makro.ftlh", "t-galat.ftlh", "t-identitas.ftlh", "t-peserta.ftlh", "t-penilai.ftlh",
            "t-profil.ftlh", "t-bagian1.ftlh", "t-bagian2.ftlh", "t-pengguna.ftlh", "t-kode.ftlh", "t-pemantauan.ftlh", "t-laporan.ftlh");
    static final String TEXTS = "org/evkin/web/internal/formpages.properties";

    private final Messages messages = Messages.indonesian();

    @Test
    void everyTextKeyUsedInTheTemplatesExists() throws Exception {
        Pattern call = Pattern.compile("\\bt\\(\"([^\"]+)\"");
        List<String> missing = new ArrayList<>();
        for (String name : TEMPLATES) {
            Matcher m = call.matcher(TemplatesTest.read("templates/" + name));
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
            String s = TemplatesTest.read("templates/" + name);
            s = s.replaceAll("(?s)<#--.*?-->", " ");
            s = s.replaceAll("\\$\\{[^}]*}", " ");
            // a button's value is what the form posts (aksi=kirim), never shown
            s = s.replaceAll("(<button[^>]*?)\\svalue=\"[a-z]+\"", "$1");
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
        assertEquals(List.of(), problems, "every visible text must come from formpages.properties");
    }

    @Test
    void everyTextIsUsedAndNoneCollidesWithAnotherArea() throws Exception {
        Properties texts = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(TEXTS)) {
            texts.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        StringBuilder sources = new StringBuilder();
        for (String name : TEMPLATES) {
            sources.append(TemplatesTest.read("templates/" + name));
        }
        for (String source : List.of("LinkPages.java", "FormPages.java", "ReportPages.java")) {
            sources.append(java.nio.file.Files.readString(java.nio.file.Path.of("src/main/java/org/evkin/web/internal", source)));
        }
        String all = sources.toString();
        Set<String> unused = new TreeSet<>();
        for (String key : texts.stringPropertyNames()) {
            assertTrue(key.startsWith("tautan."), "the link pages' keys start with tautan.: " + key);
            // keys are used whole, or built from a prefix ("tautan.status." + status)
            String prefix = key.substring(0, key.lastIndexOf('.') + 1);
            if (!all.contains("\"" + key + "\"") && !all.contains("\"" + prefix + "\"") && !all.contains("\"" + prefix + "\" +")) {
                unused.add(key);
            }
        }
        assertEquals(Set.of(), unused, "texts nobody shows");
        Properties base = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("org/evkin/web/internal/messages.properties")) {
            base.load(in);
        }
        for (String key : texts.stringPropertyNames()) {
            assertFalse(base.containsKey(key), "messages.properties has " + key + " too, and would win");
        }
    }

    @Test
    void textsHaveNoLoneApostrophesAndAreAsciiWithEscapes() throws Exception {
        String file = TemplatesTest.read(TEXTS);
        for (String line : file.split("\n")) {
            if (!line.startsWith("#")) {
                assertFalse(line.replace("''", "").contains("'"), "write '' for an apostrophe: " + line);
            }
        }
        assertTrue(file.chars().allMatch(c -> c < 128), "non-ASCII characters as \\uXXXX escapes");
    }

    @Test
    void theScriptHoldsNoTextAndStaysSmall() throws Exception {
        String js = TemplatesTest.read("static/form.js");
        String code = js.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
        Matcher strings = Pattern.compile("'([^'\\\\]*)'").matcher(code);
        while (strings.find()) {
            assertFalse(strings.group(1).matches(".*\\b(Tersimpan|tersimpan|koneksi|terjawab|Belum)\\b.*"),
                    "texts come from the page's data-t-* attributes, not from form.js: " + strings.group());
        }
        assertTrue(js.length() < 10_000, "form.js weighs " + js.length());
        int css = TemplatesTest.read("static/evkin.css").length();
        assertTrue(css < 20_000, "evkin.css weighs " + css);
    }
}
