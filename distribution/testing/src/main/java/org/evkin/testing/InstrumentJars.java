package org.evkin.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/** Instrument bundle jars for tests, from a shipped descriptor, the way bnd builds them. */
public final class InstrumentJars {

    private InstrumentJars() {
    }

    /** The descriptor inside a shipped instrument jar. */
    public static ObjectNode descriptorOf(Path jar) throws IOException {
        try (JarFile jf = new JarFile(jar.toFile()); InputStream in = jf.getInputStream(jf.getEntry("EVKIN-INF/instrument.json"))) {
            return (ObjectNode) Distribution.JSON.readTree(in);
        }
    }

    /** The Bundle-SymbolicName of a jar. */
    public static String symbolicName(Path jar) throws IOException {
        try (JarFile jf = new JarFile(jar.toFile())) {
            return jf.getManifest().getMainAttributes().getValue("Bundle-SymbolicName");
        }
    }

    /**
     * Writes a data-only instrument bundle with this symbolic name, version and descriptor text, landed in one step as
     * an admin's `mv` or an upload does: FileInstall never sees half a jar.
     */
    public static void write(Path target, String symbolicName, String version, byte[] descriptor) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName);
        a.putValue("Bundle-Version", version);
        a.putValue("EvKin-Instrument", "EVKIN-INF/instrument.json");
        a.putValue("Require-Capability",
                "osgi.extender;filter:=\"(&(osgi.extender=org.evkin.instrument)(version>=1.0.0)(!(version>=2.0.0)))\"");
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream jar = new JarOutputStream(out, m)) {
            jar.putNextEntry(new ZipEntry("EVKIN-INF/"));
            jar.closeEntry();
            jar.putNextEntry(new ZipEntry("EVKIN-INF/instrument.json"));
            jar.write(descriptor);
            jar.closeEntry();
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The same with the descriptor as JSON (written pretty-printed). */
    public static void write(Path target, String symbolicName, String version, ObjectNode descriptor) throws IOException {
        write(target, symbolicName, version, Distribution.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(descriptor));
    }
}
