package org.evkin.exchange.internal;

import java.util.List;

/** An import file as read: its header row and its non-blank data rows, in order. */
record Table(SheetRow header, List<SheetRow> rows) {
}
