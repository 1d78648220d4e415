package org.evkin.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the database connection (PID org.evkin.store, file config/org.evkin.store.cfg). */
@ObjectClassDefinition(name = "EvKin database",
        description = "Which MariaDB the store uses and how many connections it keeps.")
public @interface StoreConfig {

    @AttributeDefinition(description = "JDBC URL of an external MariaDB, e.g. jdbc:mariadb://db.example.go.id:3306/evkin."
            + " Leave empty to use the embedded MariaDB that the launcher keeps under data/mariadb.")
    String url() default "";

    @AttributeDefinition(description = "Database user for an external MariaDB (ignored for the embedded one).")
    String user() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Password of that user.")
    String password() default "";

    @AttributeDefinition(description = "Largest number of pooled connections (1-200).")
    int pool_size() default 16;

    @AttributeDefinition(description = "How long a request waits for a free connection before it gets"
            + " 'try again later', in milliseconds (250-60000).")
    int connection_timeout_ms() default 5000;

    @AttributeDefinition(description = "Seconds between attempts to reach the database while it is down (1-300).")
    int retry_seconds() default 5;
}
