package org.evkin.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Secrets for personal links and the hashes the database keeps of them: the link carries the token, the database
 * only {@link #hash(String) its SHA-256}, so a copy of the database opens no form.
 */
public final class Tokens {

    /** Bytes of randomness in a {@link #newToken() token}: 256 bits. */
    public static final int TOKEN_BYTES = 32;

    /** Characters of a {@link #newToken() token}: 32 bytes in base64url without padding. */
    public static final int TOKEN_LENGTH = 43;

    /** Characters of a {@link #newShortCode() short code}. */
    public static final int SHORT_CODE_LENGTH = 8;

    /**
     * The short-code alphabet: digits and capital letters without those easily confused when read aloud, written by
     * hand or typed on a phone (0, O, 1, I, L): 31 symbols.
     */
    public static final String SHORT_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {
    }

    /** A new personal-link token: 32 bytes from {@link SecureRandom}, base64url without padding (43 characters). */
    public static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return URL.encodeToString(bytes);
    }

    /**
     * A new short code of 8 characters from {@link #SHORT_CODE_ALPHABET} (31^8, about 39.6 bits), for raters without
     * e-mail who get the code on paper or by phone.
     *
     * <p><b>Not a secret on its own.</b> 40 bits resist online guessing only when every place that accepts a code
     * also limits attempts (e.g. {@link LoginThrottle} per client address and per code prefix), the code expires, and
     * it opens only its own form. Its {@link #hash(String) hash} can be reversed by brute force offline within hours,
     * so a copy of the database exposes the short codes that are still valid: never use a short code where a
     * {@link #newToken() token} can be sent.
     */
    public static String newShortCode() {
        char[] code = new char[SHORT_CODE_LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = SHORT_CODE_ALPHABET.charAt(RANDOM.nextInt(SHORT_CODE_ALPHABET.length()));
        }
        return new String(code);
    }

    /**
     * A short code as typed by a person in canonical form (upper case, without spaces and hyphens: {@code abcd-efgh}
     * gives {@code ABCDEFGH}), or null when it cannot be a short code.
     */
    public static String normalizeShortCode(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != SHORT_CODE_LENGTH) {
            return null;
        }
        for (int i = 0; i < code.length(); i++) {
            if (SHORT_CODE_ALPHABET.indexOf(code.charAt(i)) < 0) {
                return null;
            }
        }
        return code;
    }

    /** What the database stores for a token or a normalised short code: SHA-256 of its UTF-8 bytes, 64 lower-case hex digits. */
    public static String hash(String token) {
        if (token == null) {
            throw new IllegalArgumentException("token is null");
        }
        return HexFormat.of().formatHex(sha256(token.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Whether two strings are equal, in time that does not depend on where they differ (both are hashed first, so
     * not even a common prefix shows; only their lengths do). False when either is null.
     */
    public static boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(a.getBytes(StandardCharsets.UTF_8)), sha256(b.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
