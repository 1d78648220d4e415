package org.evkin.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Administration settings (PID org.evkin.admin, file config/org.evkin.admin.cfg). */
@ObjectClassDefinition(name = "EvKin administration", description = "Where uploaded instrument bundles go and upload limits.")
public @interface AdminConfig {

    @AttributeDefinition(description = "Folder watched for instrument bundles; uploads are written there.")
    String deploy_dir() default "";

    @AttributeDefinition(description = "Seconds an upload waits for the platform to accept or reject the bundle.")
    int deploy_wait_seconds() default 30;

    @AttributeDefinition(description = "Largest accepted upload, in bytes.")
    long upload_max_bytes() default 10_000_000L;
}
