package org.evkin.instrument;

/** Whether a program's battery takes new forms: set by an admin, independent of deployment. */
public enum InstrumentStatus {
    ACTIVE, INACTIVE
}
