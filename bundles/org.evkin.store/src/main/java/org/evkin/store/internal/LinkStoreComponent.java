package org.evkin.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.evkin.store.BatteryRecord;
import org.evkin.store.CycleRecord;
import org.evkin.store.EnrolmentRecord;
import org.evkin.store.LinkContext;
import org.evkin.store.LinkRecord;
import org.evkin.store.LinkStore;
import org.evkin.store.MailOutbox;
import org.evkin.store.ParticipantRecord;
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

    /*
     * Every rater request starts here, so this is one statement mapped by hand instead of five MyBatis selects (link,
     * participant, cycle, enrolment, battery): the load test showed those reads costing MariaDB more than the writes.
     * Timestamps are read as MyBatis's Instant handler reads them (getTimestamp().toInstant()).
     */
    private static final String CONTEXT = """
            SELECT l.token_hash, l.short_code, l.cycle_id, l.participant_id, l.role, l.created_at, l.expires_at, l.revoked_at,
                   p.identity_key, p.nip, p.email, p.name, p.phone, p.kind, p.level, p.institution, p.province, p.district,
                   p.work_location, p.identity_confirmed_at,
                   c.name AS cycle_name, c.created_at AS cycle_created_at, c.created_by AS cycle_created_by,
                   e.id AS enrolment_id, e.training_score, e.eligible, e.ineligible_reason, e.instrument_version,
                   b.status, b.period_start, b.period_end, b.extended_until%s
            FROM access_link l
            JOIN participant p ON p.id = l.participant_id
            JOIN cycle c ON c.id = l.cycle_id
            LEFT JOIN enrolment e ON e.cycle_id = l.cycle_id AND e.participant_id = l.participant_id AND e.program_code = ?
            LEFT JOIN battery b ON b.cycle_id = l.cycle_id AND b.program_code = ?%s
            WHERE\s""";
    private static final String PLAIN = CONTEXT.formatted("", "");
    /*
     * A form request also needs the link's form of that part and program: joined here on the form's unique key, it saves
     * the request's second statement (a plain read, as before; the write that follows locks the form by its id).
     */
    private static final String WITH_FORM = CONTEXT.formatted(",\n       " + FormRows.ALIASED, """

            LEFT JOIN form f ON f.cycle_id = l.cycle_id AND f.participant_id = l.participant_id AND f.rater_role = l.role
                             AND f.part = ? AND f.program_code = ?""");
    /** Where each column of the context is (the form's columns, when joined, follow the rest). */
    private static final Columns AT = new Columns(PLAIN);
    /** The four statements, built once: [with the form][by short code]. */
    private static final String[][] SQL = {
        {PLAIN + "l.token_hash = ?", PLAIN + "l.short_code = ?"},
        {WITH_FORM + "l.token_hash = ?", WITH_FORM + "l.short_code = ?"}};

    @Override
    public Optional<LinkContext> context(String tokenHash, String programCode) {
        return context(false, tokenHash, programCode, 0);
    }

    @Override
    public Optional<LinkContext> contextByShortCode(String shortCode, String programCode) {
        return context(true, shortCode, programCode, 0);
    }

    @Override
    public Optional<LinkContext> formContext(String tokenHash, int part, String programCode) {
        return context(false, tokenHash, programCode, part);
    }

    @Override
    public Optional<LinkContext> formContextByShortCode(String shortCode, int part, String programCode) {
        return context(true, shortCode, programCode, part);
    }

    /**
     * The link by its token hash or short code; part 0: no form, else with the form of that part and program (Part-1
     * forms are stored with program code "").
     */
    private Optional<LinkContext> context(boolean byShortCode, String key, String programCode, int part) {
        String sql = SQL[part == 0 ? 0 : 1][byShortCode ? 1 : 0];
        return Optional.ofNullable(sessions.inTransaction(s -> {
            // the session's default statement timeout, as every other statement of a rater's request
            try (PreparedStatement ps = FormWrites.prepare(s, sql)) {
                int i = 1;
                ps.setString(i++, programCode);
                ps.setString(i++, programCode);
                if (part != 0) {
                    ps.setInt(i++, part);
                    ps.setString(i++, programCode == null ? "" : programCode);
                }
                ps.setString(i, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? context(rs, programCode, part != 0) : null;
                }
            } catch (SQLException e) {
                throw FormWrites.failed("reading the context of a link", e);
            }
        }));
    }

    private static LinkContext context(ResultSet rs, String programCode, boolean withForm) throws SQLException {
        long cycleId = rs.getLong(AT.at("cycle_id"));
        long participantId = rs.getLong(AT.at("participant_id"));
        LinkRecord link = new LinkRecord(rs.getString(AT.at("token_hash")), rs.getString(AT.at("short_code")), cycleId,
                participantId, rs.getString(AT.at("role")), FormRows.instant(rs, AT.at("created_at")),
                FormRows.instant(rs, AT.at("expires_at")), FormRows.instant(rs, AT.at("revoked_at")));
        ParticipantRecord p = new ParticipantRecord(participantId, rs.getString(AT.at("identity_key")),
                rs.getString(AT.at("nip")), rs.getString(AT.at("email")), rs.getString(AT.at("name")),
                rs.getString(AT.at("phone")), rs.getString(AT.at("kind")), rs.getString(AT.at("level")),
                rs.getString(AT.at("institution")), rs.getString(AT.at("province")), rs.getString(AT.at("district")),
                rs.getString(AT.at("work_location")), FormRows.instant(rs, AT.at("identity_confirmed_at")));
        CycleRecord cycle = new CycleRecord(cycleId, rs.getString(AT.at("cycle_name")),
                FormRows.instant(rs, AT.at("cycle_created_at")), rs.getString(AT.at("cycle_created_by")));
        long enrolmentId = rs.getLong(AT.at("enrolment_id"));
        EnrolmentRecord e = rs.wasNull() ? null : new EnrolmentRecord(enrolmentId, cycleId, participantId, programCode,
                rs.getBigDecimal(AT.at("training_score")), rs.getBoolean(AT.at("eligible")),
                rs.getString(AT.at("ineligible_reason")), rs.getString(AT.at("instrument_version")));
        String status = rs.getString(AT.at("status"));
        BatteryRecord b = status == null ? null : new BatteryRecord(cycleId, programCode, status,
                rs.getObject(AT.at("period_start"), LocalDate.class), rs.getObject(AT.at("period_end"), LocalDate.class),
                rs.getObject(AT.at("extended_until"), LocalDate.class));
        return new LinkContext(link, p, cycle, e, b, withForm ? FormRows.read(rs, AT.count() + 1) : null);
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
