package org.evkin.exchange.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message key the code uses exists in the Indonesian bundle, and every text is a valid pattern. */
class MessagesTest {

    private static final Pattern KEY = Pattern.compile("\"([a-z0-9]+(?:\\.[a-zA-Z0-9]+)+)\"");

    private static Properties bundle() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("messages.properties")) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyKeyUsedInTheCodeIsInTheBundle() throws IOException {
        Properties bundle = bundle();
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = KEY.matcher(Files.readString(f));
                while (m.find()) {
                    String key = m.group(1);
                    if (!key.startsWith("org.") && !key.startsWith("java.")) {
                        used.add(key);
                    }
                }
            }
        }
        used.removeIf(k -> k.matches("\\d+(\\.\\d+)*"));
        assertTrue(used.size() > 50, "found " + used);
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(bundle.stringPropertyNames());
        assertEquals(Set.of(), missing);
    }

    @Test
    void everyTextIsAValidPatternWithoutStrayQuotes() throws IOException {
        Properties bundle = bundle();
        for (String key : bundle.stringPropertyNames()) {
            String text = bundle.getProperty(key);
            MessageFormat f = new MessageFormat(text, Locale.ROOT);
            String shown = f.format(new Object[] {"A", "B", "C", "D", "E"});
            if (text.contains("''")) {
                assertTrue(shown.contains("'"), key);
            }
            assertTrue(!shown.endsWith("."), "no full stop at the end, messages are joined: " + key);
        }
    }

    @Test
    void theBundleIsIndonesianWhateverTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            assertEquals("Baris 7, kolom nilai_pelatihan: '8,5,1' bukan angka (contoh: 85,5)",
                    Messages.indonesian().format("prefix.cell", 7, "nilai_pelatihan",
                            Messages.indonesian().format("score.notNumber", "8,5,1")));
            assertEquals("… dan 1234 kesalahan lainnya", Messages.indonesian().format("errors.more", 1234));
        } finally {
            Locale.setDefault(saved);
        }
    }
}
