package org.evkin.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Argon2id hashing: PHC format, round trip, tampering, re-hash decisions, the reference vector and the cost on this machine. */
class PasswordHasherComponentTest {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordHasherComponentTest.class);
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final String PASSWORD = "Wonogiri-Bimtek-2025";

    /** Cheapest cost the configuration allows, for the tests that do not care about cost. */
    private final PasswordHasherComponent fast = new PasswordHasherComponent(Fakes.config(
            Map.of("argon2.memory.kib", 8192, "argon2.iterations", 1)));

    @Test
    void defaultsAreOwaspsRecommendationInAPhcString() {
        PasswordHasherComponent hasher = new PasswordHasherComponent(Fakes.config(Map.of()));
        String phc = hasher.hash(PASSWORD);
        Matcher m = PHC.matcher(phc);
        assertTrue(m.matches(), phc);
        assertEquals("19456", m.group(1));
        assertEquals("2", m.group(2));
        assertEquals("1", m.group(3));
        assertEquals(PasswordHasherComponent.SALT_BYTES, Base64.getDecoder().decode(m.group(4)).length);
        assertEquals(PasswordHasherComponent.HASH_BYTES, Base64.getDecoder().decode(m.group(5)).length);
        assertFalse(m.group(4).contains("=") || m.group(5).contains("="), "no base64 padding");
        assertTrue(hasher.verify(PASSWORD, phc));
        assertFalse(hasher.needsRehash(phc));
    }

    @Test
    void parametersAreParsedBackFromTheString() {
        PasswordHasherComponent hasher = new PasswordHasherComponent(Fakes.config(
                Map.of("argon2.memory.kib", 9000, "argon2.iterations", 3, "argon2.parallelism", 2)));
        PhcHash parsed = PhcHash.parse(hasher.hash(PASSWORD));
        assertNotNull(parsed);
        assertEquals("argon2id", parsed.algorithm());
        assertEquals(19, parsed.version());
        assertEquals(new Argon2Cost(9000, 3, 2), parsed.cost());
        assertEquals(16, parsed.salt().length);
        assertEquals(32, parsed.hash().length);
        assertEquals(hasher.hash(PASSWORD).length(), parsed.format().length());
    }

    @Test
    void roundTripAndWrongPassword() {
        String phc = fast.hash(PASSWORD);
        assertTrue(fast.verify(PASSWORD, phc));
        assertTrue(fast.verify(new StringBuilder(PASSWORD), phc), "any CharSequence");
        assertFalse(fast.verify("Wonogiri-Bimtek-2024", phc));
        assertFalse(fast.verify(PASSWORD.toLowerCase(), phc));
        assertFalse(fast.verify(PASSWORD + " ", phc));
        assertFalse(fast.verify("", phc));
        assertFalse(fast.verify(null, phc));
    }

    @Test
    void sameSaltNeverRepeatsSoHashesDiffer() {
        String a = fast.hash(PASSWORD);
        String b = fast.hash(PASSWORD);
        assertNotEquals(a, b);
        assertFalse(Arrays.equals(PhcHash.parse(a).salt(), PhcHash.parse(b).salt()));
        assertFalse(Arrays.equals(PhcHash.parse(a).hash(), PhcHash.parse(b).hash()));
        assertTrue(fast.verify(PASSWORD, a));
        assertTrue(fast.verify(PASSWORD, b));
    }

    @Test
    void tamperedStringsFail() {
        String phc = fast.hash(PASSWORD);
        PhcHash h = PhcHash.parse(phc);
        byte[] hash = h.hash().clone();
        hash[0] ^= 1;
        byte[] salt = h.salt().clone();
        salt[5] ^= (byte) 0x80;
        List<String> sameParameters = List.of(
                new PhcHash(h.algorithm(), h.version(), h.cost(), h.salt(), hash).format(),
                new PhcHash(h.algorithm(), h.version(), h.cost(), salt, h.hash()).format());
        List<String> otherParametersOrMalformed = List.of(
                new PhcHash(h.algorithm(), h.version(), new Argon2Cost(8192, 2, 1), h.salt(), h.hash()).format(),
                new PhcHash(h.algorithm(), h.version(), new Argon2Cost(8200, 1, 1), h.salt(), h.hash()).format(),
                new PhcHash("argon2i", h.version(), h.cost(), h.salt(), h.hash()).format(),
                phc.replace("$v=19$", "$v=16$"),
                phc.substring(0, phc.length() - 1),
                phc + "A",
                phc + "=",
                phc.replace("$argon2id$", "$argon2id$$"),
                nonCanonicalLastCharacter(phc),
                "", "$argon2id$", "plaintext", "$2a$10$abcdefghijklmnopqrstuv");
        for (String t : sameParameters) {
            assertFalse(fast.verify(PASSWORD, t), t);
            assertFalse(fast.needsRehash(t), "well-formed with the configured parameters: " + t);
        }
        for (String t : otherParametersOrMalformed) {
            assertFalse(fast.verify(PASSWORD, t), t);
            assertTrue(fast.needsRehash(t), t);
        }
        assertFalse(fast.verify(PASSWORD, null));
        assertTrue(fast.needsRehash(null));
        assertTrue(fast.verify(PASSWORD, phc), "the original still verifies");
    }

    /** The same bytes in base64 whose unused last bits are set: decodes alike, but is not the canonical string. */
    private static String nonCanonicalLastCharacter(String phc) {
        char last = phc.charAt(phc.length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        // 32 bytes = 42 full characters + one with 2 used bits and 4 unused: the unused are the low 4 bits.
        char changed = alphabet.charAt(alphabet.indexOf(last) | 0x1);
        assertNotEquals(last, changed, "the generated hash's last character has a zero low bit");
        return phc.substring(0, phc.length() - 1) + changed;
    }

    @Test
    void absurdCostsInAStoredStringAreRefusedNotComputed() {
        String phc = fast.hash(PASSWORD);
        PhcHash h = PhcHash.parse(phc);
        String huge = phc.replace("m=8192,t=1,p=1", "m=4194304,t=1,p=1");
        String many = phc.replace("m=8192,t=1,p=1", "m=8192,t=1000000,p=1");
        assertFalse(fast.verify(PASSWORD, huge));
        assertFalse(fast.verify(PASSWORD, many));
        assertTrue(h.cost().isSane());
    }

    @Test
    void needsRehashWhenTheConfigurationChanged() {
        String phc = fast.hash(PASSWORD);
        assertFalse(fast.needsRehash(phc));
        PasswordHasherComponent moreMemory = new PasswordHasherComponent(Fakes.config(Map.of("argon2.memory.kib", 16384, "argon2.iterations", 1)));
        PasswordHasherComponent moreTime = new PasswordHasherComponent(Fakes.config(Map.of("argon2.memory.kib", 8192, "argon2.iterations", 2)));
        PasswordHasherComponent moreLanes = new PasswordHasherComponent(Fakes.config(
                Map.of("argon2.memory.kib", 8192, "argon2.iterations", 1, "argon2.parallelism", 2)));
        for (PasswordHasherComponent changed : List.of(moreMemory, moreTime, moreLanes)) {
            assertTrue(changed.needsRehash(phc));
            assertTrue(changed.verify(PASSWORD, phc), "an old hash still verifies under new settings");
            String renewed = changed.hash(PASSWORD);
            assertFalse(changed.needsRehash(renewed));
            assertTrue(fast.needsRehash(renewed));
        }
    }

    @Test
    void matchesTheArgon2ReferenceImplementation() {
        // From the reference implementation's test suite (phc-winner-argon2, src/test.c): "password", salt "somesalt".
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        assertTrue(fast.verify("password", reference));
        assertFalse(fast.verify("Password", reference));
        assertTrue(fast.needsRehash(reference), "8-byte salt and other parameters than configured");
    }

    @Test
    void unicodeIsNormalisedSoComposedAndDecomposedFormsAgree() {
        String composed = "kat\u00e1-sand\u00ed-rahasia";
        String decomposed = "kata\u0301-sandi\u0301-rahasia";
        assertNotEquals(composed, decomposed);
        assertTrue(fast.verify(decomposed, fast.hash(composed)));
        assertTrue(fast.verify(composed, fast.hash(decomposed)));
    }

    @Test
    void emptyAndOverlongPasswordsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> fast.hash(""));
        assertThrows(IllegalArgumentException.class, () -> fast.hash(null));
        String overlong = "x".repeat(PasswordHasherComponent.MAX_INPUT + 1);
        assertThrows(IllegalArgumentException.class, () -> fast.hash(overlong));
        assertFalse(fast.verify(overlong, fast.hash(PASSWORD)));
    }

    @Test
    void invalidSettingsFailWithTheSettingsName() {
        assertMessage("argon2.memory.kib", Map.of("argon2.memory.kib", 1024));
        assertMessage("argon2.memory.kib", Map.of("argon2.memory.kib", 2_000_000));
        assertMessage("argon2.iterations", Map.of("argon2.iterations", 0));
        assertMessage("argon2.parallelism", Map.of("argon2.parallelism", 0));
        assertMessage("argon2.max.concurrent", Map.of("argon2.max.concurrent", -1));
    }

    private static void assertMessage(String setting, Map<String, Object> values) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PasswordHasherComponent(Fakes.config(values)));
        assertTrue(e.getMessage().contains("'" + setting + "'") && e.getMessage().contains("config/org.evkin.security.cfg"),
                e.getMessage());
    }

    @Test
    void concurrentHashingAndVerifyingAgree() throws Exception {
        PasswordHasherComponent limited = new PasswordHasherComponent(Fakes.config(
                Map.of("argon2.memory.kib", 8192, "argon2.iterations", 1, "argon2.max.concurrent", 2)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String password = "kata-sandi-nomor-" + i;
                results.add(pool.submit(() -> {
                    String phc = limited.hash(password);
                    return limited.verify(password, phc) && !limited.verify(password + "!", phc);
                }));
            }
            for (Future<Boolean> r : results) {
                assertTrue(r.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void measuresTheCostOfTheDefaultsOnThisMachine() {
        PasswordHasherComponent hasher = new PasswordHasherComponent(Fakes.config(Map.of()));
        String phc = hasher.hash(PASSWORD); // warm-up
        long[] hashMillis = new long[5];
        long[] verifyMillis = new long[5];
        for (int i = 0; i < hashMillis.length; i++) {
            long start = System.nanoTime();
            phc = hasher.hash(PASSWORD);
            hashMillis[i] = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            assertTrue(hasher.verify(PASSWORD, phc));
            verifyMillis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        long unknownStart = System.nanoTime();
        assertFalse(hasher.verify(PASSWORD, null));
        long unknownMillis = (System.nanoTime() - unknownStart) / 1_000_000;
        Arrays.sort(hashMillis);
        Arrays.sort(verifyMillis);
        LOG.info("Argon2id m=19456 KiB, t=2, p=1 on this machine ({} processors): hash median {} ms (min {}, max {}),"
                + " verify median {} ms, verify of an unknown account {} ms", Runtime.getRuntime().availableProcessors(),
                hashMillis[2], hashMillis[0], hashMillis[4], verifyMillis[2], unknownMillis);
    }
}
