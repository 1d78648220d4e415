package org.evkin.store;

import java.math.BigDecimal;

/** A participant's enrolment in a program of a cycle, with the training score and the eligibility it gives. */
public record EnrolmentRecord(long id, long cycleId, long participantId, String programCode, BigDecimal trainingScore,
        boolean eligible, String ineligibleReason, String instrumentVersion) {
}
