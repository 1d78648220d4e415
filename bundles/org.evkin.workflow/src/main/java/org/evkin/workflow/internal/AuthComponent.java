package org.evkin.workflow.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.evkin.security.CsrfTokens;
import org.evkin.security.LoginThrottle;
import org.evkin.security.PasswordHasher;
import org.evkin.security.PasswordPolicy;
import org.evkin.security.Tokens;
import org.evkin.store.AccountRecord;
import org.evkin.store.AccountStore;
import org.evkin.store.SessionRecord;
import org.evkin.store.StoreUnavailableException;
import org.evkin.workflow.Account;
import org.evkin.workflow.AuthService;
import org.evkin.workflow.Login;
import org.evkin.workflow.Role;
import org.evkin.workflow.SessionKind;
import org.evkin.workflow.WorkflowException;
import org.evkin.workflow.WorkflowException.Kind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in of admins: Argon2id passwords, throttled failures, sessions and API tokens stored as SHA-256 only,
 * CSRF tokens bound to the session, and the first national admin from the environment or configuration.
 */
@Component(name = "org.evkin.auth", service = AuthService.class)
@Designate(ocd = AuthConfig.class)
public class AuthComponent implements AuthService {

    private static final Logger LOG = LoggerFactory.getLogger(AuthComponent.class);
    static final String CONFIG_FILE = "config/org.evkin.auth.cfg";

    private final AccountStore accounts;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final CsrfTokens csrf;
    private final LoginThrottle throttle;
    private final Duration webSession;
    private final Duration apiToken;
    private final ScheduledExecutorService background;

    @Activate
    public AuthComponent(AuthConfig config, @Reference AccountStore accounts, @Reference PasswordHasher hasher,
            @Reference PasswordPolicy policy, @Reference CsrfTokens csrf, @Reference LoginThrottle throttle) {
        this(config, accounts, hasher, policy, csrf, throttle, System.getenv());
    }

    AuthComponent(AuthConfig config, AccountStore accounts, PasswordHasher hasher, PasswordPolicy policy, CsrfTokens csrf,
            LoginThrottle throttle, Map<String, String> env) {
        if (config.web_session_minutes() < 5 || config.web_session_minutes() > 1440) {
            throw new IllegalArgumentException("setting 'web.session.minutes' in " + CONFIG_FILE + " must be 5-1440");
        }
        if (config.api_token_hours() < 1 || config.api_token_hours() > 720) {
            throw new IllegalArgumentException("setting 'api.token.hours' in " + CONFIG_FILE + " must be 1-720");
        }
        this.accounts = accounts;
        this.hasher = hasher;
        this.policy = policy;
        this.csrf = csrf;
        this.throttle = throttle;
        this.webSession = Duration.ofMinutes(config.web_session_minutes());
        this.apiToken = Duration.ofHours(config.api_token_hours());
        this.background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "evkin-auth");
            t.setDaemon(true);
            return t;
        });
        String email = firstNonBlank(env.get("EVKIN_ADMIN_EMAIL"), config.first_admin_email());
        String password = firstNonBlank(env.get("EVKIN_ADMIN_PASSWORD"), config.first_admin_password());
        background.execute(() -> ensureFirstAdmin(email, password));
        background.scheduleWithFixedDelay(this::purgeExpired, 10, 60, TimeUnit.MINUTES);
    }

    @Deactivate
    void deactivate() {
        background.shutdownNow();
    }

    /** Creates the first national admin while there is no account; retried while the database is not ready. */
    void ensureFirstAdmin(String email, String password) {
        try {
            if (accounts.count() > 0) {
                return;
            }
            if (email == null || password == null) {
                LOG.warn("No admin account exists yet: set EVKIN_ADMIN_EMAIL and EVKIN_ADMIN_PASSWORD (or first.admin.email and"
                        + " first.admin.password in {}) and restart to create the first national admin", CONFIG_FILE);
                return;
            }
            var problems = policy.problems(password);
            if (!problems.isEmpty() || !email.contains("@")) {
                LOG.error("The first admin was not created: EVKIN_ADMIN_EMAIL must be an e-mail address and EVKIN_ADMIN_PASSWORD "
                        + "acceptable ({})", String.join("; ", problems));
                return;
            }
            accounts.insert(email.strip(), "Admin Nasional", hasher.hash(password), Role.NATIONAL_ADMIN.name(), null, null, "setup");
            LOG.info("First national admin {} created", email.strip().toLowerCase());
        } catch (StoreUnavailableException e) {
            background.schedule(() -> ensureFirstAdmin(email, password), 2, TimeUnit.SECONDS);
        }
    }

    private void purgeExpired() {
        try {
            accounts.deleteExpiredSessions(Instant.now());
        } catch (RuntimeException e) {
            LOG.debug("Expired sessions not purged: {}", e.getMessage());
        }
    }

    @Override
    public Login login(String email, String password, String remoteAddress, SessionKind kind) {
        String key = LoginThrottle.key(email, remoteAddress);
        long locked = throttle.lockedForSeconds(key);
        if (locked > 0) {
            throw new WorkflowException(Kind.LOCKED, "locked", Texts.get("auth.locked", locked));
        }
        Optional<AccountRecord> found = email == null || email.isBlank() ? Optional.empty() : accounts.byEmail(email.strip());
        boolean ok = hasher.verify(password == null ? "" : password, found.filter(AccountRecord::active)
                .map(AccountRecord::passwordHash).orElse(null));
        if (!ok || found.isEmpty() || !found.get().active()) {
            long lock = throttle.recordFailure(key);
            LOG.info("Failed sign-in for {} from {}", email, remoteAddress);
            if (lock > 0) {
                throw new WorkflowException(Kind.LOCKED, "locked", Texts.get("auth.locked", lock));
            }
            throw new WorkflowException(Kind.UNAUTHENTICATED, "badCredentials", Texts.get("auth.failed"));
        }
        throttle.recordSuccess(key);
        AccountRecord a = found.get();
        if (hasher.needsRehash(a.passwordHash())) {
            accounts.updatePasswordHash(a.id(), hasher.hash(password));
        }
        String token = Tokens.newToken();
        Instant now = Instant.now();
        Instant expires = now.plus(kind == SessionKind.WEB ? webSession : apiToken);
        accounts.insertSession(new SessionRecord(Tokens.hash(token), a.id(), kind.name(), now, expires, now));
        return new Login(token, toAccount(a), expires);
    }

    @Override
    public Optional<Account> authenticate(String token, SessionKind kind) {
        if (token == null || token.length() != Tokens.TOKEN_LENGTH) {
            return Optional.empty();
        }
        String hash = Tokens.hash(token);
        Optional<SessionRecord> s = accounts.session(hash);
        Instant now = Instant.now();
        if (s.isEmpty() || !s.get().kind().equals(kind.name()) || s.get().expiresAt().isBefore(now)) {
            return Optional.empty();
        }
        Optional<AccountRecord> a = accounts.byId(s.get().accountId()).filter(AccountRecord::active);
        if (a.isPresent() && kind == SessionKind.WEB && s.get().lastSeenAt().isBefore(now.minusSeconds(60))) {
            accounts.touchSession(hash, now, now.plus(webSession));
        }
        return a.map(AuthComponent::toAccount);
    }

    @Override
    public void logout(String token) {
        if (token != null && !token.isEmpty()) {
            accounts.deleteSession(Tokens.hash(token));
        }
    }

    @Override
    public String csrfToken(String sessionToken) {
        return csrf.tokenFor(Tokens.hash(sessionToken));
    }

    @Override
    public boolean verifyCsrf(String sessionToken, String csrfToken) {
        return sessionToken != null && csrfToken != null && csrf.verify(Tokens.hash(sessionToken), csrfToken);
    }

    @Override
    public Account createAccount(Account actor, String email, String name, String password, Role role, String province,
            String district) {
        if (actor.role() != Role.NATIONAL_ADMIN) {
            throw new WorkflowException(Kind.FORBIDDEN, "forbidden", Texts.get("auth.forbidden"));
        }
        if (email == null || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || name == null || name.isBlank()
                || role == null || (role == Role.REGIONAL_ADMIN && (province == null || province.isBlank()))) {
            throw new WorkflowException(Kind.INVALID, "invalidAccount",
                    Texts.get("auth.invalidAccount", "e-mail, nama, peran, dan provinsi untuk admin daerah"));
        }
        var problems = policy.problems(password);
        if (!problems.isEmpty()) {
            throw new WorkflowException(Kind.INVALID, "weakPassword", Texts.get("auth.weakPassword", String.join("; ", problems)));
        }
        if (accounts.byEmail(email.strip()).isPresent()) {
            throw new WorkflowException(Kind.CONFLICT, "emailTaken", Texts.get("auth.emailTaken", email.strip()));
        }
        return toAccount(accounts.insert(email.strip(), name.strip(), hasher.hash(password), role.name(),
                role == Role.REGIONAL_ADMIN ? province : null, role == Role.REGIONAL_ADMIN ? blankToNull(district) : null,
                actor.actor()));
    }

    static Account toAccount(AccountRecord a) {
        return new Account(a.id(), a.email(), a.name(), Role.valueOf(a.role()), a.province(), a.district());
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
