package org.evkin.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The origin check of form posts and the sign-in redirect target. */
class SameOriginTest {

    private final SameOrigin check = new SameOrigin(new String[] {"https://evkin.kemnaker.go.id"});

    @Test
    void acceptsItsOwnHost() {
        assertTrue(check.accepts("http://127.0.0.1:18181", null, "127.0.0.1:18181"));
        assertTrue(check.accepts(null, "http://127.0.0.1:18181/masuk?lanjut=/admin", "127.0.0.1:18181"));
        assertTrue(check.accepts("https://evkin.example.go.id", null, "evkin.example.go.id"));
        assertTrue(check.accepts("http://[::1]:8080", null, "[::1]:8080"));
    }

    @Test
    void acceptsAConfiguredOriginBehindAProxy() {
        assertTrue(check.accepts("https://evkin.kemnaker.go.id", null, "127.0.0.1:8080"));
    }

    @Test
    void takesSeveralOriginsSeparatedByCommas() {
        SameOrigin two = new SameOrigin(new String[] {"https://a.example.go.id, http://b.example.go.id:8080"});
        assertTrue(two.accepts("https://a.example.go.id", null, "127.0.0.1:8080"));
        assertTrue(two.accepts("http://b.example.go.id:8080", null, "127.0.0.1:8080"));
        assertFalse(two.accepts("http://b.example.go.id", null, "127.0.0.1:8080"));
    }

    @Test
    void refusesOtherSitesAndOpaqueOrigins() {
        assertFalse(check.accepts("http://evil.example", null, "127.0.0.1:18181"));
        assertFalse(check.accepts("http://127.0.0.1:9999", null, "127.0.0.1:18181"));
        assertFalse(check.accepts(null, "https://evil.example/page", "127.0.0.1:18181"));
        assertFalse(check.accepts("null", null, "127.0.0.1:18181"));
        assertFalse(check.accepts("file:///x", null, "127.0.0.1:18181"));
        assertFalse(check.accepts("http://127.0.0.1:18181", null, null));
        assertFalse(check.accepts("http://127.0.0.1.evil.example:18181", null, "127.0.0.1:18181"));
    }

    @Test
    void passesAPostWithoutOriginOrReferer() {
        assertTrue(check.accepts(null, null, "127.0.0.1:18181"));
    }

    @Test
    void rejectsAMalformedSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SameOrigin(new String[] {"evkin.kemnaker.go.id/path"}));
        assertTrue(e.getMessage().contains("allowed.origins"), e.getMessage());
    }

    @Test
    void signInGoesOnlyToLocalPaths() {
        assertEquals("/admin", SignInPages.target("/admin"));
        assertEquals("/admin/siklus/7", SignInPages.target("/admin/siklus/7"));
        assertEquals("/admin", SignInPages.target("//evil.example"));
        assertEquals("/admin", SignInPages.target("https://evil.example/"));
        assertEquals("/admin", SignInPages.target("/\\evil.example"));
        assertEquals("/admin", SignInPages.target("/masuk"));
        assertEquals("/admin", SignInPages.target(""));
        assertEquals("/admin", SignInPages.target(null));
    }
}
