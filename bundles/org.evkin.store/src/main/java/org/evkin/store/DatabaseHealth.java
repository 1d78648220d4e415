package org.evkin.store;

/** Tells whether the database can be used, for the health endpoint and the operators. */
public interface DatabaseHealth {

    /** The current state; checks the connection, never throws. */
    DatabaseStatus status();
}
