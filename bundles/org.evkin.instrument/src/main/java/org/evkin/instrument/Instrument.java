package org.evkin.instrument;

/** The OSGi service registered for each valid instrument bundle; properties instrument.code and instrument.version. */
public interface Instrument {

    String CODE = "instrument.code";
    String VERSION = "instrument.version";

    InstrumentDefinition definition();

    /** Symbolic name and version of the bundle that ships this instrument. */
    String sourceBundle();
}
