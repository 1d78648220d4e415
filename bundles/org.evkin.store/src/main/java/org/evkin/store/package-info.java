/** The store's API: database health, the server start log, and the failure every store call may raise. */
@Export
@Version("1.10.0")
package org.evkin.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
