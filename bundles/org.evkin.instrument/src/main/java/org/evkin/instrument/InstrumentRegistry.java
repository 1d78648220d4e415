package org.evkin.instrument;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Every program known to the platform: deployed now or only kept as history in the database. */
public interface InstrumentRegistry {

    /** All programs, deployed or not, by code. */
    List<InstrumentSummary> list();

    /** One program's summary. */
    Optional<InstrumentSummary> summary(String code);

    /** The version served for new forms: the highest valid version of a deployed bundle. */
    Optional<InstrumentDefinition> current(String code);

    /** A given version, from the database snapshot: available after its bundle was removed. */
    Optional<InstrumentDefinition> version(String code, String version);

    /** The most recent rejections, newest first. */
    List<DeploymentProblem> problems();

    /**
     * Sets a program's status and period (either date may be null: open-ended). Audited under actor.
     *
     * @throws IllegalArgumentException when the code is unknown or the period ends before it starts
     */
    InstrumentSummary schedule(String code, InstrumentStatus status, LocalDate periodStart, LocalDate periodEnd, String actor);
}
