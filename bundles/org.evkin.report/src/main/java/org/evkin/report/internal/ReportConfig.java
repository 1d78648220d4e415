package org.evkin.report.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The scoring configuration of the reports (PID org.evkin.report, file config/org.evkin.report.cfg). */
@ObjectClassDefinition(name = "EvKin scoring and reports",
        description = "Score bands, rater source weights and the ideal-activity threshold; an instrument's report template may"
                + " override each for its program.")
public @interface ReportConfig {

    @AttributeDefinition(description = "Score bands, highest first, separated by ';': 'min|category|predikat' where min is"
            + " compared with the score rounded half-up to 2 decimals; the lowest min must be at most 1.00.")
    String bands() default "3.41|Sangat Baik|Berkinerja Sangat Tinggi; 2.81|Baik|Berkinerja Tinggi;"
            + " 2.21|Cukup|Berkinerja Sedang; 1.61|Kurang|Berkinerja Rendah; 1.00|Sangat Kurang|Berkinerja Sangat Rendah";

    @AttributeDefinition(description = "Weights of the rater sources in the mean of a subkompetensi, e.g."
            + " 'DIRI=1, ATASAN=1, REKAN=1, PENGGUNA=1' (all four, at least one above 0).")
    String weights() default "DIRI=1, ATASAN=1, REKAN=1, PENGGUNA=1";

    @AttributeDefinition(description = "Share of the Part-1 activities that must belong to the participant's own level for"
            + " 'kondisi kerja ideal' (0 < t <= 1, e.g. 0.75).")
    String ideal_threshold() default "0.75";
}
