/** Instruments of the development programs: their definitions, the registry of deployed versions, deployment problems. */
@Export
@Version("1.1.0")
package org.evkin.instrument;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
