package org.evkin.store;

/**
 * Reads the submitted responses of a whole cycle in one pass each, streamed row by row (tens of millions of answers
 * never sit in memory together): what the national report and bulk individual reports are computed from.
 * Every method may throw StoreUnavailableException.
 */
public interface ResponseScan {

    /** Receives Part-2 answers: value 1..4, or 0 for "tidak dapat menilai". */
    @FunctionalInterface
    interface AnswerSink {
        void answer(long formId, String itemCode, int value);
    }

    /** Receives Part-1 ticks. */
    @FunctionalInterface
    interface TickSink {
        void tick(long formId, String taskCode);
    }

    /** Receives forms: status SUBMITTED or not; program "" for Part 1; version may be null. */
    @FunctionalInterface
    interface FormSink {
        void form(long formId, long participantId, String role, int part, String program, String version, boolean submitted);
    }

    /** Every form of a cycle (without content), in no particular order; returns the number of rows. */
    long scanForms(long cycleId, FormSink sink);

    /** Every answer of the SUBMITTED Part-2 forms of a cycle, in no particular order; returns the number of rows. */
    long scanAnswers(long cycleId, AnswerSink sink);

    /** Every tick of the SUBMITTED Part-1 forms of a cycle, in no particular order; returns the number of rows. */
    long scanTicks(long cycleId, TickSink sink);
}
