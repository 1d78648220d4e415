package org.evkin.store.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.evkin.store.LinkRecord;
import org.evkin.store.LinkStore;
import org.evkin.store.MailOutbox;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Personal links in MariaDB, issued in one transaction with their invitation mail (the transactional outbox). */
@Component(name = "org.evkin.store.links", service = LinkStore.class)
public class LinkStoreComponent implements LinkStore {

    private final Sessions sessions;

    @Activate
    public LinkStoreComponent(@Reference Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean issue(LinkRecord link, MailOutbox.NewMail mail) {
        return sessions.inTransaction(s -> {
            if (mail != null && s.getMapper(MailOutboxMapper.class).insert(mail, Instant.now()) == 0) {
                return false;
            }
            s.getMapper(LinkMapper.class).insert(link);
            return true;
        });
    }

    @Override
    public Optional<LinkRecord> byTokenHash(String tokenHash) {
        return Optional.ofNullable(sessions.inTransaction(s -> s.getMapper(LinkMapper.class).byTokenHash(tokenHash)));
    }

    @Override
    public Optional<LinkRecord> byShortCode(String shortCode) {
        return Optional.ofNullable(sessions.inTransaction(s -> s.getMapper(LinkMapper.class).byShortCode(shortCode)));
    }

    @Override
    public List<LinkRecord> linksOf(long cycleId, long participantId, String role) {
        return sessions.inTransaction(s -> s.getMapper(LinkMapper.class).linksOf(cycleId, participantId, role));
    }

    @Override
    public List<LinkRecord> linksOfCycle(long cycleId) {
        return sessions.inTransaction(s -> s.getMapper(LinkMapper.class).linksOfCycle(cycleId));
    }

    @Override
    public List<org.evkin.store.ReminderRecord> reminders(long cycleId) {
        return sessions.inTransaction(s -> s.getMapper(LinkMapper.class).reminders(cycleId));
    }

    @Override
    public void remind(LinkRecord newLink, MailOutbox.NewMail reminder, List<MailOutbox.NewMail> escalations) {
        sessions.inTransaction(s -> {
            LinkMapper links = s.getMapper(LinkMapper.class);
            MailOutboxMapper outbox = s.getMapper(MailOutboxMapper.class);
            Instant now = newLink.createdAt();
            links.revoke(newLink.cycleId(), newLink.participantId(), newLink.role(), now);
            links.insert(newLink);
            if (reminder != null) {
                outbox.insert(reminder, now);
            }
            links.countReminder(newLink.cycleId(), newLink.participantId(), newLink.role(), now);
            for (MailOutbox.NewMail m : escalations) {
                outbox.insert(m, now);
            }
            if (!escalations.isEmpty()) {
                links.markEscalated(newLink.cycleId(), newLink.participantId(), newLink.role(), now);
            }
            return null;
        });
    }

    @Override
    public int revoke(long cycleId, long participantId, String role, Instant at) {
        return sessions.inTransaction(s -> s.getMapper(LinkMapper.class).revoke(cycleId, participantId, role, at));
    }
}
