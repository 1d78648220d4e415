package org.evkin.workflow;

/** A browser session (cookie, sliding expiry) or an API token (bearer, fixed expiry). */
public enum SessionKind {
    WEB, API
}
