package org.evkin.store;

import java.util.List;

/** The log of server starts kept in the database: proof that data outlives restarts, and a history for operators. */
public interface ServerStarts {

    /** How many starts the database has seen. */
    long count();

    /** The first start ever recorded, or null when the database has none yet. */
    StartRecord first();

    /** The most recent starts, newest first. */
    List<StartRecord> latest(int limit);
}
