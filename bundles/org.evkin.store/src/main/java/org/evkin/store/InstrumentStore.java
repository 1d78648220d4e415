package org.evkin.store;

import java.util.List;
import java.util.Optional;

/** Instrument snapshots, schedules and the audit log. Every method may throw StoreUnavailableException. */
public interface InstrumentStore {

    /**
     * Stores a snapshot unless (code, version) is already stored; returns what is stored for (code, version)
     * afterwards, so that the caller can tell a re-deploy (same checksum) from changed content.
     */
    StoredInstrument saveSnapshot(StoredInstrument snapshot);

    Optional<StoredInstrument> find(String code, String version);

    /** Every stored version of a code, lowest first. */
    List<StoredInstrument> versions(String code);

    /** The highest stored version of every code. */
    List<StoredInstrument> latestOfEachCode();

    Optional<StoredSchedule> schedule(String code);

    List<StoredSchedule> schedules();

    /** Saves the schedule and an audit entry in one transaction. */
    void saveSchedule(StoredSchedule schedule, String auditDetail);

    /** Appends to the audit log. */
    void audit(String actor, String action, String subject, String detail);
}
