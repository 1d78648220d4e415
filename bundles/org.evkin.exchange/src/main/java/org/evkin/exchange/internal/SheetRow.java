package org.evkin.exchange.internal;

import java.util.List;

/**
 * One row of an import file as read.
 *
 * @param number         the row as the user sees it (CSV record or spreadsheet row number, header = 1)
 * @param cells          the cells by column position; a missing or null cell is empty
 * @param overflowColumn the 1-based position of a non-empty cell too far right to be kept, or 0
 */
record SheetRow(int number, List<Cell> cells, int overflowColumn) {

    /** Columns kept per row; the imports have at most a dozen. */
    static final int MAX_COLUMNS = 256;

    Cell cell(int index) {
        if (index < 0 || index >= cells.size()) {
            return Cell.EMPTY;
        }
        Cell c = cells.get(index);
        return c == null ? Cell.EMPTY : c;
    }

    boolean blank() {
        if (overflowColumn > 0) {
            return false;
        }
        for (Cell c : cells) {
            if (c != null && !c.blank()) {
                return false;
            }
        }
        return true;
    }
}
