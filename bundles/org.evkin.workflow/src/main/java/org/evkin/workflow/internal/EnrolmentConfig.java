package org.evkin.workflow.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Participant import settings (PID org.evkin.enrolment, file config/org.evkin.enrolment.cfg). */
@ObjectClassDefinition(name = "EvKin participant import", description = "Eligibility and limits of participant imports.")
public @interface EnrolmentConfig {

    @AttributeDefinition(description = "Lowest training score (nilai_pelatihan) that makes a participant eligible, e.g. 70.01.")
    String eligibility_threshold() default "70.01";

    @AttributeDefinition(description = "Largest accepted import file, in bytes.")
    long max_bytes() default 33_554_432L;

    @AttributeDefinition(description = "Most rows accepted in one import.")
    int max_rows() default 200_000;
}
