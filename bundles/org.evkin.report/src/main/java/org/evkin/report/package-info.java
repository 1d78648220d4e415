/** The reports of EvKin: the individual report and the national report, as data, and the contracts of their renderers. */
@Export
@Version("1.0.0")
package org.evkin.report;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
