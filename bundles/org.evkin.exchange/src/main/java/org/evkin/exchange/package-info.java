/**
 * The data exchange of EvKin (SPEC 5): parsing and validating the participant import (CSV, XLSX) and the
 * responses import (CSV, XLSX), all-or-nothing, with every problem listed by row and column in Bahasa Indonesia.
 * No database access: lookups go through {@link org.evkin.exchange.ProgramCatalog} and
 * {@link org.evkin.exchange.ParticipantLookup}, which the caller implements.
 */
@Export
@Version("1.0.0")
package org.evkin.exchange;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
