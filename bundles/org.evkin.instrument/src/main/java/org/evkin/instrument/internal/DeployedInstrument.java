package org.evkin.instrument.internal;

import org.evkin.instrument.Instrument;
import org.evkin.instrument.InstrumentDefinition;

/** The Instrument service object of one valid instrument bundle. */
record DeployedInstrument(InstrumentDefinition definition, String sourceBundle, long bundleId, long lastModified)
        implements Instrument {
}
