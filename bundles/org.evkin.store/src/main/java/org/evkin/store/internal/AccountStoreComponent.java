package org.evkin.store.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.evkin.store.AccountRecord;
import org.evkin.store.AccountStore;
import org.evkin.store.SessionRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Accounts and sessions in MariaDB; e-mail addresses are stored in lower case. */
@Component(name = "org.evkin.store.accounts", service = AccountStore.class)
public class AccountStoreComponent implements AccountStore {

    private final Sessions sessions;

    @Activate
    public AccountStoreComponent(@Reference Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Optional<AccountRecord> byEmail(String email) {
        return Optional.ofNullable(sessions.inTransaction(s -> s.getMapper(AccountMapper.class).byEmail(email)));
    }

    @Override
    public Optional<AccountRecord> byId(long id) {
        return Optional.ofNullable(sessions.inTransaction(s -> s.getMapper(AccountMapper.class).byId(id)));
    }

    @Override
    public long count() {
        return sessions.inTransaction(s -> s.getMapper(AccountMapper.class).count());
    }

    @Override
    public AccountRecord insert(String email, String name, String passwordHash, String role, String province, String district,
            String actor) {
        return sessions.inTransaction(s -> {
            AccountMapper m = s.getMapper(AccountMapper.class);
            Map<String, Object> row = new HashMap<>();
            row.put("email", email);
            row.put("name", name);
            row.put("passwordHash", passwordHash);
            row.put("role", role);
            row.put("province", province);
            row.put("district", district);
            m.insert(row);
            long id = ((Number) row.get("id")).longValue();
            m.audit(actor, "account.create", email.toLowerCase(), "role=" + role + (province == null ? "" : " province=" + province));
            return m.byId(id);
        });
    }

    @Override
    public void updatePasswordHash(long accountId, String passwordHash) {
        sessions.inTransaction(s -> s.getMapper(AccountMapper.class).updatePasswordHash(accountId, passwordHash));
    }

    @Override
    public void insertSession(SessionRecord session) {
        sessions.inTransaction(s -> s.getMapper(AccountMapper.class).insertSession(session));
    }

    @Override
    public Optional<SessionRecord> session(String tokenHash) {
        return Optional.ofNullable(sessions.inTransaction(s -> s.getMapper(AccountMapper.class).session(tokenHash)));
    }

    @Override
    public void touchSession(String tokenHash, Instant lastSeenAt, Instant expiresAt) {
        sessions.inTransaction(s -> s.getMapper(AccountMapper.class).touchSession(tokenHash, lastSeenAt, expiresAt));
    }

    @Override
    public void deleteSession(String tokenHash) {
        sessions.inTransaction(s -> s.getMapper(AccountMapper.class).deleteSession(tokenHash));
    }

    @Override
    public int deleteExpiredSessions(Instant now) {
        return sessions.inTransaction(s -> s.getMapper(AccountMapper.class).deleteExpiredSessions(now));
    }
}
