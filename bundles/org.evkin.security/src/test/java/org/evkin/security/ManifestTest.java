package org.evkin.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/** The manifest bnd generated: the API exported at 1.0.0, the internals private, imports limited to the Java runtime, Bouncy Castle, OSGi and SLF4J. */
class ManifestTest {

    private static Manifest manifest() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("target/classes/META-INF/MANIFEST.MF"))) {
            return new Manifest(in);
        }
    }

    @Test
    void importsOnlyTheRuntimeBouncyCastleOsgiAndSlf4j() throws Exception {
        String imports = manifest().getMainAttributes().getValue("Import-Package");
        for (String pkg : packageNames(imports)) {
            assertTrue(pkg.startsWith("java.") || pkg.startsWith("org.bouncycastle.") || pkg.startsWith("org.osgi.")
                    || pkg.equals("org.slf4j") || pkg.equals("org.evkin.security"), "unexpected import " + pkg + " in " + imports);
        }
    }

    @Test
    void exportsTheApiOnly() throws Exception {
        var main = manifest().getMainAttributes();
        assertEquals("org.evkin.security;version=\"1.0.0\"", main.getValue("Export-Package"));
        assertEquals("org.evkin.security.internal", main.getValue("Private-Package"));
        String components = main.getValue("Service-Component");
        for (String name : List.of("passwords", "policy", "csrf", "throttle")) {
            assertTrue(components.contains("OSGI-INF/org.evkin.security." + name + ".xml"), components);
        }
    }

    /** Package names of a header, skipping attributes and the commas inside quoted version ranges. */
    private static List<String> packageNames(String header) {
        List<String> names = new ArrayList<>();
        boolean quoted = false;
        StringBuilder clause = new StringBuilder();
        for (char c : (header + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                names.add(clause.toString().split(";")[0].strip());
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        return names;
    }
}
