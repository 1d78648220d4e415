package org.evkin.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** The password policy and its messages in Bahasa Indonesia (default) and English. */
class PasswordPolicyComponentTest {

    private final PasswordPolicyComponent policy = new PasswordPolicyComponent(Fakes.config(Map.of()));

    @Test
    void aLongEnoughUncommonPasswordPasses() {
        assertEquals(List.of(), policy.problems("Wonogiri-Bimtek-2025"));
        assertEquals(List.of(), policy.problems("kuda makan rumput hijau"));
        assertTrue(policy.isAcceptable("tepat10kar"));
        assertEquals(10, policy.minLength());
        assertEquals(256, policy.maxLength());
    }

    @Test
    void emptyAndBlankAreRefusedInIndonesian() {
        assertEquals(List.of("Kata sandi wajib diisi."), policy.problems(""));
        assertEquals(List.of("Kata sandi wajib diisi."), policy.problems(null));
        assertEquals(List.of("Kata sandi tidak boleh hanya berisi spasi."), policy.problems("            "));
    }

    @Test
    void tooShortNamesTheMinimum() {
        assertEquals(List.of("Kata sandi terlalu pendek: minimal 10 karakter."), policy.problems("pendek9ka"));
        assertEquals(List.of("The password is too short: at least 10 characters."), policy.problems("pendek9ka", Locale.ENGLISH));
        assertEquals(List.of("The password is too short: at least 10 characters."), policy.problems("pendek9ka", Locale.US));
        PasswordPolicyComponent twelve = new PasswordPolicyComponent(Fakes.config(Map.of("password.min.length", 12)));
        assertEquals(List.of("Kata sandi terlalu pendek: minimal 12 karakter."), twelve.problems("sebelas-kar"));
    }

    @Test
    void charactersAreCountedAsUserSeesThem() {
        String emoji = "\uD83D\uDD11"; // one key emoji, two UTF-16 units
        assertFalse(policy.isAcceptable(emoji.repeat(4) + "abcde"), "9 characters even though 13 UTF-16 units");
        assertTrue(policy.isAcceptable(emoji.repeat(4) + "abcdef"));
        assertFalse(policy.isAcceptable("kata\u0301sandi"), "10 UTF-16 units, but a + combining accent is one character: 9");
    }

    @Test
    void tooLongIsRefused() {
        assertEquals(List.of("Kata sandi terlalu panjang: maksimal 256 karakter."), policy.problems("ab".repeat(129)));
        assertEquals(List.of("Kata sandi terlalu panjang: maksimal 256 karakter."), policy.problems("ab".repeat(100_000)));
        assertTrue(policy.isAcceptable("ab".repeat(128)));
    }

    @Test
    void repeatedAndCommonPasswordsAreRefused() {
        assertEquals(List.of("Kata sandi tidak boleh berupa satu karakter yang diulang-ulang."), policy.problems("aaaaaaaaaaaa"));
        String common = "Kata sandi ini terlalu umum dan mudah ditebak. Pilih kata sandi lain, misalnya gabungan beberapa kata.";
        assertEquals(List.of(common), policy.problems("1234567890"));
        assertEquals(List.of(common), policy.problems("Password123"), "case does not help");
        assertEquals(List.of(common), policy.problems("BISMILLAH123"));
        assertEquals(List.of("Kata sandi terlalu pendek: minimal 10 karakter.", common), policy.problems("password"));
        assertEquals(List.of("This password is too common and easy to guess. Choose another, for example several words together."),
                policy.problems("qwertyuiop", Locale.ENGLISH));
    }

    @Test
    void everyMessageExistsInBothLanguages() {
        ResourceBundle id = PasswordPolicyComponent.messages(Locale.forLanguageTag("id"));
        ResourceBundle en = PasswordPolicyComponent.messages(Locale.ENGLISH);
        assertEquals(id.keySet(), en.keySet());
        for (String key : id.keySet()) {
            assertFalse(id.getString(key).equals(en.getString(key)), key);
        }
        assertEquals(id.getString("password.empty"), PasswordPolicyComponent.messages(Locale.JAPANESE).getString("password.empty"),
                "a language without messages gets Bahasa Indonesia");
    }

    @Test
    void invalidMinimumFailsWithTheSettingsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PasswordPolicyComponent(Fakes.config(Map.of("password.min.length", 4))));
        assertTrue(e.getMessage().contains("'password.min.length'"), e.getMessage());
    }
}
