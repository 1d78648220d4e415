package org.evkin.workflow.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Invitation settings (PID org.evkin.invitations, file config/org.evkin.invitations.cfg). */
@ObjectClassDefinition(name = "EvKin invitations", description = "Where personal links point.")
public @interface InvitationConfig {

    @AttributeDefinition(description = "The address participants and raters use to reach this server, without a trailing"
            + " slash, e.g. https://evkin.kemnaker.go.id. Personal links are built on it.")
    String base_url() default "http://127.0.0.1:8080";
}
