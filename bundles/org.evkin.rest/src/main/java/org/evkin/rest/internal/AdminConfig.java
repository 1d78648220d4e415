package org.evkin.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Administration settings (PID org.evkin.admin, file config/org.evkin.admin.cfg). */
@ObjectClassDefinition(name = "EvKin administration", description = "Where uploaded instrument bundles go, upload limits, and how many whole-cycle reports are built at once.")
public @interface AdminConfig {

    @AttributeDefinition(description = "Folder watched for instrument bundles; uploads are written there.")
    String deploy_dir() default "";

    @AttributeDefinition(description = "Seconds an upload waits for the platform to accept or reject the bundle.")
    int deploy_wait_seconds() default 30;

    @AttributeDefinition(description = "Largest accepted upload, in bytes.")
    long upload_max_bytes() default 10_000_000L;

    @AttributeDefinition(description = "Whole-cycle reports (national report, ZIP of individual reports) built at the same time.")
    int reports_concurrent() default 1;

    @AttributeDefinition(description = "Whole-cycle report requests that may wait for their turn; beyond them: 503 with Retry-After.")
    int reports_queue() default 4;

    @AttributeDefinition(description = "Seconds a whole-cycle report request waits for its turn at most, then 503 with Retry-After.")
    int reports_wait_seconds() default 20;
}
