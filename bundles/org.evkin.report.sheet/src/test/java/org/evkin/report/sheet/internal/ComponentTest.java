package org.evkin.report.sheet.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

/** The bundle as bnd builds it: one DS component named org.evkin.report.sheet providing ReportSheets; no exports. */
class ComponentTest {

    @Test
    void declaresTheComponentAndExportsNothing() throws IOException {
        String descriptor;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("OSGI-INF/org.evkin.report.sheet.xml")) {
            assertNotNull(in, "bnd wrote the component descriptor");
            descriptor = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(descriptor.contains("name=\"org.evkin.report.sheet\""), descriptor);
        assertTrue(descriptor.contains("interface=\"org.evkin.report.ReportSheets\""), descriptor);
        assertTrue(descriptor.contains("class=\"org.evkin.report.sheet.internal.ReportSheetsComponent\""), descriptor);

        Manifest manifest;
        try (InputStream in = Files.newInputStream(Path.of("target/classes/META-INF/MANIFEST.MF"))) {
            manifest = new Manifest(in);
        }
        assertFalse(manifest.getMainAttributes().containsKey(new java.util.jar.Attributes.Name("Export-Package")));
        assertTrue(manifest.getMainAttributes().getValue("Import-Package").contains("org.evkin.report;version=\"[1.0,2)\""));
    }
}
