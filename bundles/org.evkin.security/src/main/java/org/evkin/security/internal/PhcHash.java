package org.evkin.security.internal;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2 hash in the PHC string format, {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash} with standard base64
 * without padding; parsing accepts only the canonical form, so no two strings stand for one hash.
 */
record PhcHash(String algorithm, int version, Argon2Cost cost, byte[] salt, byte[] hash) {

    static final String ARGON2ID = "argon2id";
    static final int VERSION_13 = 0x13;

    private static final Pattern FORMAT = Pattern.compile(
            "\\$(argon2(?:id|i|d))\\$v=(\\d{1,3})\\$m=(\\d{1,10}),t=(\\d{1,10}),p=(\\d{1,3})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    /** The PHC string. */
    String format() {
        return "$" + algorithm + "$v=" + version + "$m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p="
                + cost.parallelism() + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    /** The hash in a PHC string, or null when it is not one (malformed, non-canonical base64, absurd parameters). */
    static PhcHash parse(String phc) {
        if (phc == null || phc.length() > 512) {
            return null;
        }
        Matcher m = FORMAT.matcher(phc);
        if (!m.matches()) {
            return null;
        }
        try {
            Argon2Cost cost = new Argon2Cost(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
            byte[] salt = decodeCanonical(m.group(6));
            byte[] hash = decodeCanonical(m.group(7));
            if (!cost.isSane() || salt == null || hash == null || salt.length < 8 || salt.length > 64
                    || hash.length < 16 || hash.length > 64) {
                return null;
            }
            return new PhcHash(m.group(1), Integer.parseInt(m.group(2)), cost, salt, hash);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Bytes of unpadded base64 whose unused trailing bits are zero; null otherwise. */
    private static byte[] decodeCanonical(String text) {
        try {
            byte[] bytes = DECODER.decode(text);
            return ENCODER.encodeToString(bytes).equals(text) ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
