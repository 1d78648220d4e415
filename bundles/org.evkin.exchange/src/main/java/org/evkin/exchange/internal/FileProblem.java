package org.evkin.exchange.internal;

/** A problem that stops reading a file (too large, not UTF-8, no XLSX, an unclosed quote): it is rejected. */
final class FileProblem extends Exception {

    private static final long serialVersionUID = 1L;

    final int row;
    final String key;
    final transient Object[] args;

    /** A problem of the whole file (row 0) or of one row. */
    FileProblem(int row, String key, Object... args) {
        super(key, null, false, false);
        this.row = row;
        this.key = key;
        this.args = args;
    }
}
