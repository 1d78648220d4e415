package org.evkin.store;

import java.util.List;
import java.util.Optional;

/** Evaluation cycles and their batteries. Every method may throw StoreUnavailableException. */
public interface CycleStore {

    /** Creates a cycle; empty when the name is taken. */
    Optional<CycleRecord> create(String name, String actor);

    List<CycleRecord> list();

    Optional<CycleRecord> get(long id);

    /** Inserts or replaces a battery and writes the audit entry in the same transaction. */
    void saveBattery(BatteryRecord battery, String actor, String auditDetail);

    List<BatteryRecord> batteries(long cycleId);

    Optional<BatteryRecord> battery(long cycleId, String programCode);
}
