/** The scoring rules of SPEC §3 as pure functions over exact rational numbers: no I/O, no OSGi types. */
@Export
@Version("1.0.0")
package org.evkin.scoring;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
