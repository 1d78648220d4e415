package org.evkin.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the security primitives (PID org.evkin.security, file config/org.evkin.security.cfg). */
@ObjectClassDefinition(name = "EvKin security",
        description = "Cost of password hashing, the password policy, the CSRF secret and the login throttle.")
public @interface SecurityConfig {

    @AttributeDefinition(description = "Memory of one Argon2id password hash in KiB (8192-1048576). The default, 19456"
            + " (19 MiB) with 2 iterations, is OWASP's recommendation. Changing it re-hashes each password at its next login.")
    int argon2_memory_kib() default 19456;

    @AttributeDefinition(description = "Iterations (passes over the memory) of one Argon2id hash (1-20).")
    int argon2_iterations() default 2;

    @AttributeDefinition(description = "Parallelism (lanes) of one Argon2id hash (1-16). The lanes are computed one"
            + " after another here, so more lanes cost time without helping.")
    int argon2_parallelism() default 1;

    @AttributeDefinition(description = "Most password hashes computed at the same time (0-64; 0: one per processor)."
            + " Each takes argon2.memory.kib of memory; further logins wait.")
    int argon2_max_concurrent() default 0;

    @AttributeDefinition(description = "Fewest characters of a new password (8-64).")
    int password_min_length() default 10;

    /** Key {@code .csrf.secret}: the leading dot keeps it out of the service registry's properties. */
    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Secret key of the CSRF tokens (the key begins"
            + " with a dot so that the secret is not published as a service property), at least 32 characters"
            + " (e.g. openssl rand -base64 33). Leave empty to have one generated at the first start and kept in"
            + " data/security/csrf.key, readable by the server's user only. Changing it invalidates open forms.")
    String _csrf_secret() default "";

    @AttributeDefinition(description = "Failed logins of one e-mail address from one client address within"
            + " login.window.minutes that lock further attempts (1-100).")
    int login_max_failures() default 5;

    @AttributeDefinition(description = "Minutes over which failed logins are counted (1-1440).")
    int login_window_minutes() default 15;

    @AttributeDefinition(description = "Seconds a login stays locked after too many failures (1-86400).")
    int login_lock_seconds() default 900;

    @AttributeDefinition(description = "Most e-mail/address pairs the login throttle remembers (100-1000000); the least"
            + " recently used are forgotten first.")
    int login_max_keys() default 20000;
}
