package org.evkin.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Personal-link tokens, short codes and their hashes. */
class TokensTest {

    @Test
    void tokensAre32RandomBytesInBase64url() {
        for (int i = 0; i < 1000; i++) {
            String token = Tokens.newToken();
            assertEquals(Tokens.TOKEN_LENGTH, token.length(), token);
            assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
            assertEquals(32, Base64.getUrlDecoder().decode(token).length);
        }
    }

    @Test
    void tokensDoNotRepeatAndTheirBitsAreBalanced() {
        int n = 20_000;
        Set<String> seen = new HashSet<>();
        int[] ones = new int[256];
        for (int i = 0; i < n; i++) {
            String token = Tokens.newToken();
            assertTrue(seen.add(token), "repeated token");
            byte[] bytes = Base64.getUrlDecoder().decode(token);
            for (int bit = 0; bit < 256; bit++) {
                if ((bytes[bit / 8] >> (bit % 8) & 1) == 1) {
                    ones[bit]++;
                }
            }
        }
        // Each bit is set in half of the tokens; 6 standard deviations (sqrt(n)/2 = 71) leave no room for a stuck bit.
        for (int bit = 0; bit < 256; bit++) {
            assertTrue(Math.abs(ones[bit] - n / 2) < 6 * 71, "bit " + bit + " set " + ones[bit] + " times of " + n);
        }
    }

    @Test
    void hashIsStableSha256Hex() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Tokens.hash("abc"));
        String token = Tokens.newToken();
        assertEquals(Tokens.hash(token), Tokens.hash(token));
        assertTrue(Tokens.hash(token).matches("[0-9a-f]{64}"));
        assertFalse(Tokens.hash(token).equals(Tokens.hash(Tokens.newToken())));
        assertThrows(IllegalArgumentException.class, () -> Tokens.hash(null));
    }

    @Test
    void constantTimeEquals() {
        String token = Tokens.newToken();
        assertTrue(Tokens.constantTimeEquals(token, new String(token.toCharArray())));
        assertFalse(Tokens.constantTimeEquals(token, token.substring(1)));
        assertFalse(Tokens.constantTimeEquals(token, token + "x"));
        assertFalse(Tokens.constantTimeEquals(token, null));
        assertFalse(Tokens.constantTimeEquals(null, null));
        assertTrue(Tokens.constantTimeEquals("", ""));
    }

    @Test
    void shortCodesUseOnlyTheUnambiguousAlphabet() {
        assertEquals(31, Tokens.SHORT_CODE_ALPHABET.length());
        assertEquals(31, Tokens.SHORT_CODE_ALPHABET.chars().distinct().count());
        for (char confusing : "0O1IL".toCharArray()) {
            assertEquals(-1, Tokens.SHORT_CODE_ALPHABET.indexOf(confusing), "contains " + confusing);
        }
        Set<Character> used = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            String code = Tokens.newShortCode();
            assertTrue(code.matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}"), code);
            code.chars().forEach(c -> used.add((char) c));
            codes.add(code);
        }
        assertEquals(31, used.size(), "every symbol appears");
        assertEquals(5000, codes.size(), "no repeats among 5000 codes (about 1 in 70 000 chance of one)");
        assertTrue(8 * Math.log(31) / Math.log(2) > 39.5, "about 40 bits");
    }

    @Test
    void typedShortCodesAreNormalised() {
        assertEquals("ABCD2345", Tokens.normalizeShortCode("abcd-2345"));
        assertEquals("ABCD2345", Tokens.normalizeShortCode(" ABCD 2345 "));
        assertNull(Tokens.normalizeShortCode("ABCD-234"), "too short");
        assertNull(Tokens.normalizeShortCode("ABCD-2340"), "0 is not in the alphabet");
        assertNull(Tokens.normalizeShortCode("ABCD-23I5"), "I is not in the alphabet");
        assertNull(Tokens.normalizeShortCode(null));
        String code = Tokens.newShortCode();
        assertEquals(code, Tokens.normalizeShortCode(code.toLowerCase()));
    }
}
