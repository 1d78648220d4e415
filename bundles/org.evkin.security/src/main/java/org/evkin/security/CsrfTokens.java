package org.evkin.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Per-session CSRF tokens: HMAC-SHA256 of the session id under a server secret, base64url without padding. The
 * token is the same for every form of one session and changes with the session id (rotate the session at login);
 * the secret survives restarts, so open forms stay valid across them.
 */
@ProviderType
public interface CsrfTokens {

    /**
     * The token to embed in the session's forms (a hidden field) or to send back in a header.
     *
     * @throws IllegalArgumentException if the session id is null or empty
     */
    String tokenFor(String sessionId);

    /** Whether the token belongs to this session, compared in constant time; false for null or empty input. */
    boolean verify(String sessionId, String token);
}
