package org.evkin.workflow.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Sign-in settings (PID org.evkin.auth, file config/org.evkin.auth.cfg). */
@ObjectClassDefinition(name = "EvKin sign-in", description = "Sessions, API tokens and the first admin account.")
public @interface AuthConfig {

    @AttributeDefinition(description = "Minutes a browser session stays valid without use (5-1440).")
    int web_session_minutes() default 120;

    @AttributeDefinition(description = "Hours an API token from POST /api/auth/token is valid (1-720).")
    int api_token_hours() default 24;

    @AttributeDefinition(description = "E-mail of the first national admin, created at first start when there is no"
            + " account yet. The environment variable EVKIN_ADMIN_EMAIL takes precedence.")
    String first_admin_email() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Password of the first admin (EVKIN_ADMIN_PASSWORD"
            + " takes precedence). Only used while there is no account.")
    String first_admin_password() default "";
}
