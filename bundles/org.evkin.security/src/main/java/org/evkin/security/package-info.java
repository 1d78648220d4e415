/**
 * Security primitives: Argon2id password hashing and the password policy, personal-link tokens and short codes,
 * per-session CSRF tokens, and the login throttle. No database and no HTTP: callers store the hashes and answer
 * the requests.
 */
@Export
@Version("1.0.0")
package org.evkin.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
