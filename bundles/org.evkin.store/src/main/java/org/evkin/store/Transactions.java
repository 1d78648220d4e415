package org.evkin.store;

import java.util.function.Supplier;

/**
 * Runs several store calls in ONE database transaction on one connection: every store call made by the work on this
 * thread joins it, and it commits once at the end (or rolls back when the work throws). A web request that reads a
 * link, opens a form and saves a draft thus costs one connection and one COMMIT instead of one per call.
 * May throw StoreUnavailableException. A dry run (an import preview) cannot join one and fails fast.
 */
public interface Transactions {

    <T> T inOne(Supplier<T> work);
}
