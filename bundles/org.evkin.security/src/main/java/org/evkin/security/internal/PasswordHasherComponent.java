package org.evkin.security.internal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import org.evkin.security.PasswordHasher;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Argon2id password hashing with the configured cost, at most a configured number of hashes at a time. */
@Component(name = "org.evkin.security.passwords", configurationPid = "org.evkin.security", service = PasswordHasher.class)
@Designate(ocd = SecurityConfig.class)
public class PasswordHasherComponent implements PasswordHasher {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordHasherComponent.class);
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    /** Longest password accepted at all, in UTF-16 units (the policy's own limit is far lower). */
    static final int MAX_INPUT = 4096;
    /** What a verification without a stored hash is compared against, so that it costs the same as a real one. */
    private static final byte[] DUMMY_PASSWORD = {'e', 'v', 'k', 'i', 'n'};

    private final Argon2Cost cost;
    private final Semaphore permits;
    private final SecureRandom random = new SecureRandom();
    private final byte[] dummySalt = new byte[SALT_BYTES];

    @Activate
    public PasswordHasherComponent(SecurityConfig config) {
        this.cost = Argon2Cost.from(config);
        int concurrent = Settings.inRange("argon2.max.concurrent", config.argon2_max_concurrent(), 0, 64);
        int permitCount = concurrent == 0 ? Runtime.getRuntime().availableProcessors() : concurrent;
        this.permits = new Semaphore(permitCount, true);
        random.nextBytes(dummySalt);
        LOG.info("Password hashing: Argon2id {} (KiB of memory, iterations, lanes), at most {} at a time", cost, permitCount);
    }

    @Override
    public String hash(CharSequence password) {
        if (password == null || password.length() == 0) {
            throw new IllegalArgumentException("the password is empty");
        }
        if (password.length() > MAX_INPUT) {
            throw new IllegalArgumentException("the password is longer than " + MAX_INPUT + " characters");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] bytes = Passwords.bytes(password);
        try {
            byte[] hash = derive(bytes, salt, cost, HASH_BYTES);
            return new PhcHash(PhcHash.ARGON2ID, PhcHash.VERSION_13, cost, salt, hash).format();
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public boolean verify(CharSequence password, String phc) {
        if (password == null || password.length() == 0 || password.length() > MAX_INPUT) {
            return false;
        }
        PhcHash stored = PhcHash.parse(phc);
        if (stored == null || !PhcHash.ARGON2ID.equals(stored.algorithm()) || stored.version() != PhcHash.VERSION_13) {
            if (phc != null) {
                LOG.warn("A stored password hash is not an Argon2id (v=19) PHC string; the login fails");
            }
            derive(DUMMY_PASSWORD.clone(), dummySalt, cost, HASH_BYTES);
            return false;
        }
        byte[] bytes = Passwords.bytes(password);
        try {
            byte[] actual = derive(bytes, stored.salt(), stored.cost(), stored.hash().length);
            return MessageDigest.isEqual(actual, stored.hash());
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public boolean needsRehash(String phc) {
        PhcHash stored = PhcHash.parse(phc);
        return stored == null
                || !PhcHash.ARGON2ID.equals(stored.algorithm())
                || stored.version() != PhcHash.VERSION_13
                || !stored.cost().equals(cost)
                || stored.salt().length != SALT_BYTES
                || stored.hash().length != HASH_BYTES;
    }

    /** Argon2id under a permit, so that a burst of logins queues instead of exhausting memory. */
    private byte[] derive(byte[] password, byte[] salt, Argon2Cost c, int length) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to hash a password", e);
        }
        try {
            return Argon2id.derive(password, salt, c, length);
        } finally {
            permits.release();
        }
    }
}
