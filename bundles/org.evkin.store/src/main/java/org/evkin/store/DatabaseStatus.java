package org.evkin.store;

/**
 * What the store knows of its database right now.
 *
 * @param up            true when a connection answered and the schema is migrated
 * @param location      the JDBC URL without credentials, or a description of the embedded database
 * @param serverVersion the server's version string when known, else null
 * @param schemaVersion the highest schema migration applied, 0 when none is known
 * @param problem       a one-line operator message when not up, else null
 */
public record DatabaseStatus(boolean up, String location, String serverVersion, int schemaVersion, String problem) {
}
