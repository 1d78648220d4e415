package org.evkin.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Administration settings (PID org.evkin.admin, file config/org.evkin.admin.cfg). */
@ObjectClassDefinition(name = "EvKin administration", description = "Access to the admin API and where uploads go.")
public @interface AdminConfig {

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Bearer token of the admin API (at least 24 characters)."
            + " Empty disables the admin API. Replaced by admin accounts in a later version.")
    String token() default "";

    @AttributeDefinition(description = "Folder watched for instrument bundles; uploads are written there.")
    String deploy_dir() default "";

    @AttributeDefinition(description = "Seconds an upload waits for the platform to accept or reject the bundle.")
    int deploy_wait_seconds() default 30;

    @AttributeDefinition(description = "Largest accepted upload, in bytes.")
    long upload_max_bytes() default 10_000_000L;
}
