package org.evkin.report;

import java.util.function.Consumer;

/** Computes the reports from the stored forms with the scoring engine. Every method may throw StoreUnavailableException. */
public interface ReportService {

    /**
     * The individual report of a participant in a cycle.
     *
     * @throws java.util.NoSuchElementException when the participant has no enrolment in the cycle
     */
    IndividualReport individual(long cycleId, long participantId);

    /**
     * The individual reports of every participant of a cycle with an eligible enrolment, optionally only those of one
     * program and of a province (and district), in participant order, computed in one pass and handed over one by
     * one (so that thousands never sit in memory together). Returns how many were handed over.
     */
    int individuals(long cycleId, String program, String province, String district, Consumer<IndividualReport> each);

    /** The most recent cycle in which the participant has an enrolment, if any. */
    java.util.OptionalLong latestCycle(long participantId);

    /** The national report for a filter. @throws java.util.NoSuchElementException when the cycle does not exist */
    NationalReport national(NationalFilter filter);
}
