package org.evkin.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSRF tokens: verification, tampering, the secret from configuration or kept in the data folder across restarts. */
class CsrfTokensComponentTest {

    private static final String SESSION = "node01abcdefghij0123456789.node0";

    @TempDir
    Path data;

    private CsrfTokensComponent inDataFolder() {
        return new CsrfTokensComponent(Fakes.config(Map.of()), Fakes.context(Map.of("evkin.data.dir", data.toString())));
    }

    @Test
    void tokenOfTheSessionVerifiesAndOthersDoNot() {
        CsrfTokensComponent csrf = inDataFolder();
        String token = csrf.tokenFor(SESSION);
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
        assertEquals(token, csrf.tokenFor(SESSION), "one token per session");
        assertTrue(csrf.verify(SESSION, token));
        assertFalse(csrf.verify("node01otherSession.node0", token), "another session's token");
        assertNotEquals(token, csrf.tokenFor("node01otherSession.node0"));
    }

    @Test
    void tamperedOrMissingTokensFail() {
        CsrfTokensComponent csrf = inDataFolder();
        String token = csrf.tokenFor(SESSION);
        char flipped = token.charAt(10) == 'A' ? 'B' : 'A';
        assertFalse(csrf.verify(SESSION, token.substring(0, 10) + flipped + token.substring(11)));
        assertFalse(csrf.verify(SESSION, token.substring(1)));
        assertFalse(csrf.verify(SESSION, token + "A"));
        assertFalse(csrf.verify(SESSION, token + "="));
        assertFalse(csrf.verify(SESSION, ""));
        assertFalse(csrf.verify(SESSION, null));
        assertFalse(csrf.verify(null, token));
        assertFalse(csrf.verify("", token));
        assertThrows(IllegalArgumentException.class, () -> csrf.tokenFor(""));
        assertThrows(IllegalArgumentException.class, () -> csrf.tokenFor(null));
    }

    @Test
    void generatedKeyIsKeptOwnerOnlyAndSurvivesARestart() throws Exception {
        String token = inDataFolder().tokenFor(SESSION);
        Path key = data.resolve("security/csrf.key");
        assertTrue(Files.isRegularFile(key));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent())));
        String content = Files.readString(key, StandardCharsets.US_ASCII);
        assertTrue(content.matches("[A-Za-z0-9_-]{43}\n"), content);
        try (var files = Files.list(key.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }

        CsrfTokensComponent afterRestart = inDataFolder();
        assertTrue(afterRestart.verify(SESSION, token), "a form opened before the restart still posts");
        assertEquals(content, Files.readString(key, StandardCharsets.US_ASCII), "the key is not replaced");

        Path otherData = Files.createDirectory(data.resolve("other"));
        CsrfTokensComponent otherServer = new CsrfTokensComponent(Fakes.config(Map.of()),
                Fakes.context(Map.of("evkin.data.dir", otherData.toString())));
        assertFalse(otherServer.verify(SESSION, token), "another installation has another key");
    }

    @Test
    void looseKeyFilePermissionsAreTightened() throws Exception {
        inDataFolder();
        Path key = data.resolve("security/csrf.key");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        inDataFolder();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    }

    @Test
    void aDamagedKeyFileIsNamedAndLeftAloneWhileTokensStillWorkForThisRun() throws Exception {
        Files.createDirectories(data.resolve("security"));
        Files.writeString(data.resolve("security/csrf.key"), "too-short\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CsrfKeyFile.loadOrCreate(data));
        assertTrue(e.getMessage().contains("csrf.key") && e.getMessage().contains("damaged"), e.getMessage());
        // the component does not fail (sign-in keeps working); it uses a key for this run and logs the problem once
        CsrfTokensComponent c = inDataFolder();
        assertTrue(c.verify("session-1", c.tokenFor("session-1")));
        assertEquals("too-short\n", Files.readString(data.resolve("security/csrf.key")), "the operator's file is not overwritten");
    }

    @Test
    void configuredSecretIsUsedAndNoFileWritten() {
        String secret = "a-secret-of-at-least-32-characters-long";
        CsrfTokensComponent one = new CsrfTokensComponent(Fakes.config(Map.of(".csrf.secret", secret)),
                Fakes.context(Map.of("evkin.data.dir", data.toString())));
        CsrfTokensComponent two = new CsrfTokensComponent(Fakes.config(Map.of(".csrf.secret", secret)), Fakes.context(Map.of()));
        assertTrue(two.verify(SESSION, one.tokenFor(SESSION)), "two servers sharing the secret accept each other's tokens");
        assertFalse(Files.exists(data.resolve("security/csrf.key")));
    }

    @Test
    void shortSecretOrNoPlaceForOneFailsWithTheSettingsName() {
        IllegalArgumentException shortSecret = assertThrows(IllegalArgumentException.class, () -> new CsrfTokensComponent(
                Fakes.config(Map.of(".csrf.secret", "too-short")), Fakes.context(Map.of("evkin.data.dir", data.toString()))));
        assertTrue(shortSecret.getMessage().contains("'.csrf.secret'"), shortSecret.getMessage());
        IllegalStateException noFolder = assertThrows(IllegalStateException.class,
                () -> new CsrfTokensComponent(Fakes.config(Map.of()), Fakes.context(Map.of())));
        assertTrue(noFolder.getMessage().contains("evkin.data.dir"), noFolder.getMessage());
    }

    @Test
    void hmacMatchesRfc4231() {
        // RFC 4231, test case 2.
        byte[] mac = CsrfTokensComponent.hmacSha256("Jefe".getBytes(StandardCharsets.US_ASCII),
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", HexFormat.of().formatHex(mac));
    }
}
