package org.evkin.store;

/**
 * A personal link with everything a rater's request needs, read in one statement: the link, its participant and cycle,
 * and, when the request names a program, the participant's enrolment in it and the program's battery in the cycle (each
 * null when there is none); for a form request also the link's form of that part and program (null when it was never
 * opened), read without a lock.
 */
public record LinkContext(LinkRecord link, ParticipantRecord participant, CycleRecord cycle, EnrolmentRecord enrolment,
        BatteryRecord battery, FormRecord form) {

    /** A context without a form (the request is not about one form). */
    public LinkContext(LinkRecord link, ParticipantRecord participant, CycleRecord cycle, EnrolmentRecord enrolment,
            BatteryRecord battery) {
        this(link, participant, cycle, enrolment, battery, null);
    }
}
