package org.evkin.mail.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the mailer (PID org.evkin.mail, file config/org.evkin.mail.cfg). */
@ObjectClassDefinition(name = "EvKin mailer",
        description = "Which SMTP server delivers the e-mail outbox, as whom, and how often failed mails are retried.")
public @interface MailerConfig {

    @AttributeDefinition(description = "Host name or IP address of the SMTP server.")
    String smtp_host() default "127.0.0.1";

    @AttributeDefinition(description = "TCP port of the SMTP server (1-65535): 25 plain or STARTTLS, 587 submission"
            + " with STARTTLS, 465 with smtp.ssl.")
    int smtp_port() default 25;

    @AttributeDefinition(description = "User name for SMTP AUTH; empty to send without logging in.")
    String smtp_user() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Password of that user.")
    String smtp_password() default "";

    @AttributeDefinition(description = "Upgrade the connection with STARTTLS and refuse to send without it.")
    boolean smtp_starttls() default false;

    @AttributeDefinition(description = "Connect with TLS from the start (SMTPS, usually port 465).")
    boolean smtp_ssl() default false;

    @AttributeDefinition(description = "Sender address of every mail, e.g. evkin@kemnaker.go.id (required).")
    String from_address() default "";

    @AttributeDefinition(description = "Sender name shown to recipients.")
    String from_name() default "EvKin Kemnaker";

    @AttributeDefinition(description = "Seconds between looks at the outbox (1-3600).")
    int poll_seconds() default 5;

    @AttributeDefinition(description = "Most mails taken from the outbox at once (1-1000).")
    int batch_size() default 20;

    @AttributeDefinition(description = "Seconds a taken mail stays reserved for this mailer; after that another mailer"
            + " may take it (10-86400, at least 4 times connect.timeout.ms).")
    int lease_seconds() default 120;

    @AttributeDefinition(description = "Seconds before the first retry of a failed mail; each further retry waits"
            + " twice as long (1-86400).")
    int retry_initial_seconds() default 30;

    @AttributeDefinition(description = "Longest wait between two retries, in seconds (retry.initial.seconds-604800).")
    int retry_max_seconds() default 3600;

    @AttributeDefinition(description = "Attempts after which a mail refused with a temporary error is given up (1-1000)."
            + " Mails waiting because the SMTP server is unreachable are never given up.")
    int max_attempts() default 12;

    @AttributeDefinition(description = "Milliseconds to wait for the SMTP server to connect and to answer each command"
            + " (100-300000).")
    int connect_timeout_ms() default 10000;
}
