package org.evkin.exchange.internal;

/** One cell of an import file: its text and whether it came as a number or an error from a spreadsheet. */
record Cell(String text, Kind kind) {

    /** How a spreadsheet stored the value; CSV values are always TEXT. */
    enum Kind { TEXT, NUMBER, ERROR }

    static final Cell EMPTY = new Cell("", Kind.TEXT);

    static Cell text(String text) {
        return text == null || text.isEmpty() ? EMPTY : new Cell(text, Kind.TEXT);
    }

    boolean blank() {
        return Text.clean(text).isEmpty() && kind != Kind.ERROR;
    }
}
