package org.evkin.store.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evkin.store.BatteryRecord;
import org.evkin.store.CycleRecord;
import org.evkin.store.CycleStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Cycles and batteries in MariaDB; every change is audited in the same transaction. */
@Component(name = "org.evkin.store.cycles", service = CycleStore.class)
public class CycleStoreComponent implements CycleStore {

    private final Sessions sessions;

    @Activate
    public CycleStoreComponent(@Reference Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Optional<CycleRecord> create(String name, String actor) {
        return sessions.inTransaction(s -> {
            CycleMapper m = s.getMapper(CycleMapper.class);
            Map<String, Object> row = new HashMap<>();
            row.put("name", name);
            row.put("actor", actor);
            if (m.insertIgnore(row) == 0) {
                return Optional.<CycleRecord>empty();
            }
            s.getMapper(AccountMapper.class).audit(actor, "cycle.create", name, null);
            return Optional.of(m.byName(name));
        });
    }

    @Override
    public List<CycleRecord> list() {
        return sessions.inTransaction(s -> s.getMapper(CycleMapper.class).list());
    }

    @Override
    public Optional<CycleRecord> get(long id) {
        return Optional.ofNullable(sessions.inTransaction(s -> s.getMapper(CycleMapper.class).byId(id)));
    }

    @Override
    public void saveBattery(BatteryRecord battery, String actor, String auditDetail) {
        sessions.inTransaction(s -> {
            s.getMapper(CycleMapper.class).upsertBattery(battery, actor);
            return s.getMapper(AccountMapper.class).audit(actor, "battery.save",
                    "cycle " + battery.cycleId() + " " + battery.programCode(), auditDetail);
        });
    }

    @Override
    public List<BatteryRecord> batteries(long cycleId) {
        return sessions.inTransaction(s -> s.getMapper(CycleMapper.class).batteries(cycleId));
    }

    @Override
    public Optional<BatteryRecord> battery(long cycleId, String programCode) {
        return Optional.ofNullable(sessions.inTransaction(s -> s.getMapper(CycleMapper.class).battery(cycleId, programCode)));
    }
}
