package org.evkin.web.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the web pages (PID org.evkin.web, file config/org.evkin.web.cfg). */
@ObjectClassDefinition(name = "EvKin web pages", description = "Session cookie and accepted origins of the server-rendered pages.")
public @interface WebConfig {

    @AttributeDefinition(description = "Mark the session cookie Secure even when a request arrives over plain HTTP. Set true"
            + " behind a reverse proxy that terminates HTTPS. Requests that arrive over HTTPS always get a Secure cookie.")
    boolean cookie_secure() default false;

    @AttributeDefinition(description = "Origins (scheme://host[:port]) accepted on form posts besides the request's own Host,"
            + " e.g. https://evkin.example.go.id when a reverse proxy rewrites the Host header. Separate several with commas.")
    String[] allowed_origins() default {};
}
