package org.evkin.store;

import java.time.Instant;
import java.util.Optional;

/** Accounts and their sessions. Every method may throw StoreUnavailableException. */
public interface AccountStore {

    Optional<AccountRecord> byEmail(String email);

    Optional<AccountRecord> byId(long id);

    long count();

    /** Inserts an account (email unique, compared case-insensitively); returns it with its id. */
    AccountRecord insert(String email, String name, String passwordHash, String role, String province, String district,
            String actor);

    void updatePasswordHash(long accountId, String passwordHash);

    void insertSession(SessionRecord session);

    Optional<SessionRecord> session(String tokenHash);

    void touchSession(String tokenHash, Instant lastSeenAt, Instant expiresAt);

    void deleteSession(String tokenHash);

    int deleteExpiredSessions(Instant now);
}
