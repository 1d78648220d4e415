package org.evkin.store.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.evkin.store.EnrolmentRecord;
import org.evkin.store.ParticipantRecord;
import org.evkin.store.ParticipantStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Participants and enrolments in MariaDB; an import is one transaction, matched by identity key. */
@Component(name = "org.evkin.store.participants", service = ParticipantStore.class)
public class ParticipantStoreComponent implements ParticipantStore {

    private final Sessions sessions;

    @Activate
    public ParticipantStoreComponent(@Reference Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public ImportCounts importRows(long cycleId, List<ImportRow> rows, boolean commit, String actor, String auditDetail) {
        return sessions.inTransaction(s -> {
            ParticipantMapper m = s.getMapper(ParticipantMapper.class);
            int pc = 0, pu = 0, pn = 0, ec = 0, eu = 0, en = 0;
            Map<String, Long> ids = new LinkedHashMap<>();
            for (ImportRow row : rows) {
                ParticipantRecord p = row.participant();
                Long id = ids.get(p.identityKey());
                if (id == null) {
                    ParticipantRecord existing = m.byIdentity(p.identityKey());
                    if (existing == null) {
                        Map<String, Object> r = new HashMap<>();
                        r.put("identityKey", p.identityKey());
                        r.put("nip", p.nip());
                        r.put("email", p.email());
                        r.put("name", p.name());
                        r.put("phone", p.phone());
                        r.put("kind", p.kind());
                        r.put("level", p.level());
                        r.put("institution", p.institution());
                        r.put("province", p.province());
                        r.put("district", p.district());
                        m.insert(r);
                        id = ((Number) r.get("id")).longValue();
                        pc++;
                    } else {
                        id = existing.id();
                        if (sameIdentity(existing, p)) {
                            pn++;
                        } else {
                            m.update(new ParticipantRecord(id, p.identityKey(), p.nip(), p.email(), p.name(), p.phone(), p.kind(),
                                    p.level(), p.institution(), p.province(), p.district(), existing.workLocation(),
                                    existing.identityConfirmedAt()));
                            pu++;
                        }
                    }
                    ids.put(p.identityKey(), id);
                }
                EnrolmentRecord e = m.enrolment(cycleId, id, row.programCode());
                if (e == null) {
                    m.insertEnrolment(new EnrolmentRecord(0, cycleId, id, row.programCode(), row.trainingScore(), row.eligible(),
                            row.ineligibleReason(), null));
                    ec++;
                } else if (e.trainingScore().compareTo(row.trainingScore()) == 0 && e.eligible() == row.eligible()
                        && Objects.equals(e.ineligibleReason(), row.ineligibleReason())) {
                    en++;
                } else {
                    m.updateEnrolment(new EnrolmentRecord(e.id(), cycleId, id, row.programCode(), row.trainingScore(),
                            row.eligible(), row.ineligibleReason(), e.instrumentVersion()));
                    eu++;
                }
            }
            ImportCounts counts = new ImportCounts(pc, pu, pn, ec, eu, en);
            if (!counts.changedNothing()) {
                s.getMapper(AccountMapper.class).audit(actor, "participants.import", "cycle " + cycleId,
                        auditDetail + " " + counts);
            }
            return counts;
        }, commit);
    }

    private static boolean sameIdentity(ParticipantRecord a, ParticipantRecord b) {
        return Objects.equals(a.nip(), b.nip()) && Objects.equals(a.email(), b.email()) && Objects.equals(a.name(), b.name())
                && Objects.equals(a.phone(), b.phone()) && Objects.equals(a.kind(), b.kind()) && Objects.equals(a.level(), b.level())
                && Objects.equals(a.institution(), b.institution()) && Objects.equals(a.province(), b.province())
                && Objects.equals(a.district(), b.district());
    }

    @Override
    public Optional<ParticipantRecord> participant(long id) {
        return Optional.ofNullable(sessions.inTransaction(s -> s.getMapper(ParticipantMapper.class).byId(id)));
    }

    @Override
    public Optional<ParticipantRecord> participantByIdentity(String identityKey) {
        return Optional.ofNullable(sessions.inTransaction(s -> s.getMapper(ParticipantMapper.class).byIdentity(identityKey)));
    }

    @Override
    public List<EnrolmentRecord> enrolments(long cycleId, long participantId) {
        return sessions.inTransaction(s -> s.getMapper(ParticipantMapper.class).enrolments(cycleId, participantId));
    }

    /*
     * A whole cycle's enrolments (every national report, monitoring, invitations and the responses import read them), mapped
     * by hand: MyBatis's constructor mapping of 57 600 rows was a quarter of a national report's CPU in the server. The
     * participant is joined only to filter by region; program codes and versions are shared, not one String per row.
     */
    @Override
    public List<EnrolmentRecord> enrolmentsOfCycle(long cycleId, String province, String district) {
        StringBuilder sql = new StringBuilder("SELECT e.id, e.cycle_id, e.participant_id, e.program_code, e.training_score, e.eligible,"
                + " e.ineligible_reason, e.instrument_version FROM enrolment e");
        if (province != null || district != null) {
            sql.append(" JOIN participant p ON p.id = e.participant_id");
        }
        sql.append(" WHERE e.cycle_id = ?");
        if (province != null) {
            sql.append(" AND p.province = ?");
        }
        if (district != null) {
            sql.append(" AND p.district = ?");
        }
        sql.append(" ORDER BY e.participant_id, e.program_code");
        return sessions.inTransaction(s -> {
            try (java.sql.PreparedStatement ps = FormWrites.prepare(s, sql.toString())) {
                int i = 1;
                ps.setLong(i++, cycleId);
                if (province != null) {
                    ps.setString(i++, province);
                }
                if (district != null) {
                    ps.setString(i, district);
                }
                List<EnrolmentRecord> out = new java.util.ArrayList<>();
                Map<String, String> shared = new HashMap<>();
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new EnrolmentRecord(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                                ResponseScanComponent.intern(shared, rs.getString(4)), rs.getBigDecimal(5), rs.getBoolean(6),
                                rs.getString(7), ResponseScanComponent.intern(shared, rs.getString(8))));
                    }
                }
                return out;
            } catch (java.sql.SQLException e) {
                throw FormWrites.failed("reading the enrolments of cycle " + cycleId, e);
            }
        });
    }

    @Override
    public List<ParticipantRecord> participantsOfCycle(long cycleId, String province, String district) {
        return sessions.inTransaction(s -> s.getMapper(ParticipantMapper.class).participantsOfCycle(cycleId, province, district));
    }
}
