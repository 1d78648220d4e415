package org.evkin.workflow.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Monitoring and reminder settings (PID org.evkin.monitoring, file config/org.evkin.monitoring.cfg). */
@ObjectClassDefinition(name = "EvKin reminders", description = "When raters count as late, automatic reminders, escalation.")
public @interface MonitoringConfig {

    @AttributeDefinition(description = "Hours after an invitation or the last reminder before a rater with forms left counts as"
            + " late and is reminded (0-1440; 0: at once).")
    int reminder_after_hours() default 72;

    @AttributeDefinition(description = "Seconds between automatic reminder runs over every cycle (default one day; at least 10);"
            + " 0 turns automatic reminders off (admins can still send them with one click).")
    int reminder_check_seconds() default 86_400;

    @AttributeDefinition(description = "After this many reminders a late rater is escalated to the participant and the admin.")
    int escalate_after_reminders() default 2;

    @AttributeDefinition(description = "E-mail that receives escalations of automatic reminders (e.g. the helpdesk); empty: only"
            + " the participant.")
    String escalation_email() default "";

    @AttributeDefinition(description = "The server's public address for links (from config/org.evkin.invitations.cfg).")
    String base_url() default "http://127.0.0.1:8080";
}
