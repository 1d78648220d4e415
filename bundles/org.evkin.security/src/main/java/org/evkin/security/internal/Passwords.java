package org.evkin.security.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;

/** The one way a password becomes text and bytes here: Unicode NFKC, then UTF-8. */
final class Passwords {

    private Passwords() {
    }

    /** The password in NFKC, the form whose characters the policy counts and whose bytes are hashed. */
    static String normalize(CharSequence password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /** UTF-8 bytes of the normalised password; the caller clears them after use. */
    static byte[] bytes(CharSequence password) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(normalize(password)));
        byte[] bytes = Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
        Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }
}
