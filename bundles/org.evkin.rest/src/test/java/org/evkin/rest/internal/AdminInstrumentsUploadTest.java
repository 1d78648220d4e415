package org.evkin.rest.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.evkin.instrument.InstrumentRegistry;
import org.evkin.store.InstrumentStore;
import org.evkin.store.StoreUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bugs 10, 11 and 12: an upload is checked completely before deploy/ changes, and a failed upload leaves nothing there. */
class AdminInstrumentsUploadTest {

    @TempDir
    Path home;

    private final List<String> audited = new ArrayList<>();

    private Path deploy() {
        return home.resolve("deploy");
    }

    static byte[] jar(String symbolicName, String version, String code) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName);
        a.putValue("Bundle-Version", version);
        a.putValue(AdminInstrumentsResource.HEADER, "EVKIN-INF/instrument.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream j = new JarOutputStream(out, m)) {
            j.putNextEntry(new ZipEntry("EVKIN-INF/instrument.json"));
            j.write(("{\"code\":\"" + code + "\",\"version\":\"" + version + "\",\"items\":[]}").getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
        return out.toByteArray();
    }

    private AdminInstrumentsResource resource(byte[] body, String contentType, InstrumentStore store) {
        InstrumentRegistry never = Stubs.of(InstrumentRegistry.class, (method, args) -> null);
        AdminInstrumentsResource r = new AdminInstrumentsResource(() -> never, () -> store,
                () -> new AdminInstrumentsResource.AdminSettings(deploy(), 1, 10_000_000), new Authenticator(Stubs::auth));
        Stubs.inject(r, "headers", Stubs.headers(Map.of("Authorization", "Bearer " + Stubs.TOKEN)));
        Stubs.inject(r, "request", Stubs.of(HttpServletRequest.class, (method, args) -> switch (method) {
            case "getContentType" -> contentType;
            case "getInputStream" -> stream(body);
            case "getPart" -> throw new IOException("Missing initial multi part boundary");
            default -> null;
        }));
        return r;
    }

    private AdminInstrumentsResource resource(byte[] body) {
        return resource(body, "application/java-archive", Stubs.of(InstrumentStore.class, (method, args) -> {
            audited.add(String.valueOf(args[1]) + " " + args[2]);
            return null;
        }));
    }

    private List<String> filesUnder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private BadRequest refused(byte[] body) {
        return assertThrows(BadRequest.class, () -> resource(body).upload());
    }

    @Test
    void aSymbolicNameWithTraversalIsRefusedAndNothingIsWritten() throws Exception {
        for (String bsn : List.of("../fuzz-outside-deploy", "..", ".hidden", "a/b", "a\\b", "x".repeat(101), "a..b", "nul\u0000")) {
            BadRequest b = refused(jar(bsn, "1.0.0", "FUZZ-2026"));
            assertEquals(422, b.status, bsn);
            assertEquals("badSymbolicName", b.code, bsn);
        }
        BadRequest b = refused(jar("evkin-instrument-fuzz", "1.0.0", "../fuzz-outside-deploy"));
        assertEquals(422, b.status);
        assertEquals("badCode", b.code);
        assertEquals(List.of(), filesUnder(home), "nothing in deploy/ nor beside it");
        assertEquals(List.of(), audited);
        assertThrows(BadRequest.class, () -> AdminInstrumentsResource.targetFor(deploy(), "../x"));
        assertEquals(deploy().toAbsolutePath().normalize().resolve("evkin-instrument-x.jar"),
                AdminInstrumentsResource.targetFor(deploy(), "evkin-instrument-x"));
    }

    @Test
    void aDescriptorCodeOutsideThePatternIsRefusedBeforeAnythingMoves() throws Exception {
        for (String code : List.of("X".repeat(300), "ab-cd", "AB", "-ABC", "ABC DEF", "X".repeat(65))) {
            BadRequest b = refused(jar("evkin-instrument-long", "1.0.0", code));
            assertEquals(422, b.status, code);
            assertEquals("badCode", b.code);
        }
        assertEquals(List.of(), filesUnder(deploy()));
        assertEquals(List.of(), audited);
    }

    @Test
    void aJarWithBytesBeforeItsFirstEntryIsRefused() throws Exception {
        byte[] good = jar("evkin-instrument-prefix", "1.0.0", "PREFIX-2026");
        ByteArrayOutputStream prefixed = new ByteArrayOutputStream();
        prefixed.writeBytes("#!/bin/sh\nexit 0\n".getBytes(StandardCharsets.US_ASCII));
        prefixed.writeBytes(good);
        BadRequest b = refused(prefixed.toByteArray());
        assertEquals(422, b.status);
        assertEquals("badBundle", b.code);

        byte[] flipped = good.clone();
        int at = new String(good, StandardCharsets.ISO_8859_1).indexOf("EVKIN-INF/instrument.json") + 40;
        flipped[at] ^= 0x55;
        b = refused(flipped);
        assertTrue(b.status == 422 || b.status == 400, b.code);

        b = refused(jar("evkin-instrument-version", "1.0.0.\u00e9\u00e9/..", "VERSION-2026"));
        assertEquals(422, b.status);

        b = refused("not a jar".getBytes(StandardCharsets.US_ASCII));
        assertEquals(400, b.status);
        assertEquals("notAJar", b.code);
        b = refused(Arrays.copyOf(good, good.length / 2));
        assertTrue(b.status == 400 || b.status == 422);
        assertEquals(List.of(), filesUnder(deploy()));
        jakarta.ws.rs.core.Response answer = Stubs.map(refused(prefixed.toByteArray()), Map.of());
        assertEquals(422, answer.getStatus());
        assertTrue(Stubs.error(answer).message().contains("rusak"), Stubs.error(answer).message());
    }

    @Test
    void aValidJarPassesTheCheck() throws Exception {
        Path jar = Files.createDirectories(home.resolve("x")).resolve("good.jar");
        Files.write(jar, jar("evkin-instrument-good", "1.2.3", "GOOD-2026"));
        AdminInstrumentsResource.Upload u = AdminInstrumentsResource.inspect(jar);
        assertEquals("evkin-instrument-good", u.symbolicName());
        assertEquals("1.2.3", u.version());
        assertEquals("GOOD-2026", u.code());
    }

    @Test
    void aDeployThatTimesOutLeavesNothingNewInDeploy() throws Exception {
        BadRequest b = refused(jar("evkin-instrument-slow", "1.0.0", "SLOW-2026"));
        assertEquals(504, b.status);
        assertEquals("deployTimeout", b.code);
        assertEquals(List.of(), filesUnder(deploy()), "the jar it placed is gone");
        assertEquals(1, audited.size());

        // an update that times out brings the previous jar back
        byte[] previous = jar("evkin-instrument-slow", "1.0.0", "SLOW-2026");
        Files.write(deploy().resolve("slow-1.0.0.jar"), previous);
        b = refused(jar("evkin-instrument-slow", "1.1.0", "SLOW-2026"));
        assertEquals(504, b.status);
        assertEquals(List.of("slow-1.0.0.jar"), filesUnder(deploy()));
        assertArrayEquals(previous, Files.readAllBytes(deploy().resolve("slow-1.0.0.jar")));
    }

    @Test
    void aFailingAuditLeavesNothingInDeploy() throws Exception {
        InstrumentStore down = Stubs.of(InstrumentStore.class, (method, args) -> {
            throw new StoreUnavailableException("down", null);
        });
        AdminInstrumentsResource r = resource(jar("evkin-instrument-audit", "1.0.0", "AUDIT-2026"), "application/java-archive", down);
        assertThrows(StoreUnavailableException.class, r::upload);
        assertEquals(List.of(), filesUnder(deploy()));
    }

    @Test
    void aMalformedMultipartUploadIsABadRequest() throws Exception {
        AdminInstrumentsResource r = resource(new byte[0], "multipart/form-data", null);
        BadRequest b = assertThrows(BadRequest.class, r::upload);
        assertEquals(400, b.status);
        assertEquals("badMultipart", b.code);
        assertEquals(List.of(), filesUnder(deploy()));
    }

    private static ServletInputStream stream(byte[] body) {
        return Stubs.input(new ByteArrayInputStream(body));
    }
}
