package org.evkin.store.internal;

import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;

/** Runs a unit of work in one MyBatis session and transaction; the only way into the database inside the store. */
public interface Sessions {

    /** Runs work in a transaction and commits it; rolls back and rethrows on failure. */
    <T> T inTransaction(Function<SqlSession, T> work);

    /** Runs work in a transaction, then commits it, or rolls it back when commit is false (a dry run). */
    <T> T inTransaction(Function<SqlSession, T> work, boolean commit);
}
