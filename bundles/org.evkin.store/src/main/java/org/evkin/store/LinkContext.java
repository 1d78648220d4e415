package org.evkin.store;

/**
 * A personal link with everything a rater's request needs, read in one statement: the link, its participant and cycle,
 * and, when the request names a program, the participant's enrolment in it and the program's battery in the cycle (each
 * null when there is none).
 */
public record LinkContext(LinkRecord link, ParticipantRecord participant, CycleRecord cycle, EnrolmentRecord enrolment,
        BatteryRecord battery) {
}
