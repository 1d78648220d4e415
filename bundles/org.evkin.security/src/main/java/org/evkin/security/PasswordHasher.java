package org.evkin.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Hashes and verifies passwords with Argon2id, as PHC strings ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash},
 * standard base64 without padding), the form stored in the database.
 *
 * <p>Passwords are normalised to Unicode NFKC and encoded as UTF-8 before hashing, so the same password typed on a
 * phone and on a laptop verifies. A hash costs tens of milliseconds and some megabytes on purpose; the service runs
 * at most a configured number of hashes at once and makes further callers wait.
 */
@ProviderType
public interface PasswordHasher {

    /**
     * A new PHC string for this password, with a fresh random salt and the configured parameters.
     *
     * @throws IllegalArgumentException if the password is null or empty (check new passwords with
     *         {@link PasswordPolicy} first; this method does not enforce the policy)
     */
    String hash(CharSequence password);

    /**
     * Whether the password matches the PHC string, compared in constant time. A null, empty or malformed PHC string
     * gives {@code false} after the same work as a real verification, so an unknown account cannot be told from a
     * wrong password by timing: pass {@code null} when the account does not exist.
     */
    boolean verify(CharSequence password, String phc);

    /**
     * Whether a stored PHC string should be replaced by a new {@link #hash} at the next successful login: it is not
     * Argon2id version 19, or its memory, iterations, parallelism, salt or hash length differ from the configured
     * ones, or it is malformed.
     */
    boolean needsRehash(String phc);
}
