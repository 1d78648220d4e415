package org.evkin.workflow;

import java.time.Instant;

/** A successful sign-in: the token to give the client (never stored as such) and when it expires. */
public record Login(String token, Account account, Instant expiresAt) {
}
