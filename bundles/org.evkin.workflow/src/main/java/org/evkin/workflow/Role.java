package org.evkin.workflow;

/** What an admin account may see: the whole country, or one province (and optionally one district). */
public enum Role {
    NATIONAL_ADMIN, REGIONAL_ADMIN
}
