package org.evkin.store.internal;

import java.util.List;
import java.util.Optional;
import org.evkin.store.InstrumentStore;
import org.evkin.store.StoredInstrument;
import org.evkin.store.StoredSchedule;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Instrument snapshots, schedules and the audit log in MariaDB. */
@Component(name = "org.evkin.store.instruments", service = InstrumentStore.class)
public class InstrumentStoreComponent implements InstrumentStore {

    private final Sessions sessions;

    @Activate
    public InstrumentStoreComponent(@Reference Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public StoredInstrument saveSnapshot(StoredInstrument snapshot) {
        return sessions.inTransaction(s -> {
            InstrumentMapper m = s.getMapper(InstrumentMapper.class);
            m.insertSnapshot(snapshot);
            return m.find(snapshot.code(), snapshot.version());
        });
    }

    @Override
    public Optional<StoredInstrument> find(String code, String version) {
        return Optional.ofNullable(sessions.inTransaction(s -> s.getMapper(InstrumentMapper.class).find(code, version)));
    }

    @Override
    public List<StoredInstrument> versions(String code) {
        return sessions.inTransaction(s -> s.getMapper(InstrumentMapper.class).versions(code));
    }

    @Override
    public List<StoredInstrument> latestOfEachCode() {
        return sessions.inTransaction(s -> s.getMapper(InstrumentMapper.class).latestOfEachCode());
    }

    @Override
    public Optional<StoredSchedule> schedule(String code) {
        return Optional.ofNullable(sessions.inTransaction(s -> s.getMapper(InstrumentMapper.class).schedule(code)));
    }

    @Override
    public List<StoredSchedule> schedules() {
        return sessions.inTransaction(s -> s.getMapper(InstrumentMapper.class).schedules());
    }

    @Override
    public void saveSchedule(StoredSchedule schedule, String auditDetail) {
        sessions.inTransaction(s -> {
            InstrumentMapper m = s.getMapper(InstrumentMapper.class);
            m.upsertSchedule(schedule);
            return m.audit(schedule.updatedBy(), "instrument.schedule", schedule.code(), auditDetail);
        });
    }

    @Override
    public void audit(String actor, String action, String subject, String detail) {
        sessions.inTransaction(s -> s.getMapper(InstrumentMapper.class).audit(actor, action, subject, detail));
    }
}
