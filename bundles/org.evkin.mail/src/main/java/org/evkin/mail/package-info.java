/** The mailer's API: how e-mail delivery goes (for the health endpoint) and a nudge for those who enqueue mail. */
@Export
@Version("1.0.0")
package org.evkin.mail;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
