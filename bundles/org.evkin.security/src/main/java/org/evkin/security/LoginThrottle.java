package org.evkin.security;

import java.util.Locale;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Slows down password guessing: after the configured number of failed logins for one key within the configured
 * window, the key is locked for the configured time. Ask {@link #lockedForSeconds} before checking a password, then
 * report the outcome. In memory only: a restart forgets, and the number of keys kept is bounded (the least recently
 * used keys are forgotten first when the bound is reached).
 */
@ProviderType
public interface LoginThrottle {

    /** Seconds the key stays locked (rounded up; suitable for a {@code Retry-After} header), 0 when it may try now. */
    long lockedForSeconds(String key);

    /**
     * Records a failed attempt and returns {@link #lockedForSeconds} after it: non-zero when this failure reached the
     * limit. A failure reported while the key is locked is not counted and does not extend the lock.
     */
    long recordFailure(String key);

    /** Records a successful login: forgets the key's failures. */
    void recordSuccess(String key);

    /** The usual key: the e-mail address (trimmed, lower case) and the client's address, e.g. {@code a@b.id|10.0.0.7}. */
    static String key(String email, String remoteAddress) {
        String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return e + "|" + (remoteAddress == null ? "" : remoteAddress.strip());
    }
}
