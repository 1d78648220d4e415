/** The competency model of EvKin: subunsur kompetensi, subkompetensi, levels, blueprints and tasks. */
@Export
@Version("1.0.0")
package org.evkin.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
