package org.evkin.store.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.evkin.store.MailOutbox;
import org.evkin.store.OutboxMail;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The mail outbox in MariaDB: claims use SELECT … FOR UPDATE SKIP LOCKED, so two mailers never take the same mail. */
@Component(name = "org.evkin.store.outbox", service = MailOutbox.class)
public class MailOutboxComponent implements MailOutbox {

    private final Sessions sessions;

    @Activate
    public MailOutboxComponent(@Reference Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean enqueue(NewMail mail) {
        return sessions.inTransaction(s -> s.getMapper(MailOutboxMapper.class).insert(mail, Instant.now())) == 1;
    }

    @Override
    public List<OutboxMail> claimDue(Instant now, int limit, int leaseSeconds) {
        return sessions.inTransaction(s -> {
            MailOutboxMapper m = s.getMapper(MailOutboxMapper.class);
            List<Long> ids = m.lockDue(now, limit);
            if (ids.isEmpty()) {
                return List.of();
            }
            m.lease(ids, now.plusSeconds(leaseSeconds));
            return m.byIds(ids);
        });
    }

    @Override
    public void markSent(long id, Instant at) {
        sessions.inTransaction(s -> s.getMapper(MailOutboxMapper.class).markSent(id, at));
    }

    @Override
    public void markFailed(long id, String error, Instant nextAttemptAt) {
        sessions.inTransaction(s -> s.getMapper(MailOutboxMapper.class).markFailed(id, error == null ? "" : error, nextAttemptAt));
    }

    @Override
    public Optional<OutboxMail> find(long id) {
        return Optional.ofNullable(sessions.inTransaction(s -> s.getMapper(MailOutboxMapper.class).find(id)));
    }

    @Override
    public Map<String, Long> countByStatus() {
        Map<String, Long> out = new TreeMap<>();
        for (Map<String, Object> row : sessions.inTransaction(s -> s.getMapper(MailOutboxMapper.class).countByStatus())) {
            out.put(String.valueOf(row.get("status")), ((Number) row.get("n")).longValue());
        }
        return out;
    }
}
