/** The workflow of the evaluation cycle: who may do what, and in which state each thing is. */
@Export
@Version("1.0.0")
package org.evkin.workflow;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
