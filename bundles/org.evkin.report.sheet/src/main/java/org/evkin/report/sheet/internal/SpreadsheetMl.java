package org.evkin.report.sheet.internal;

/** SpreadsheetML's own rules for strings, column names and sheet references. */
final class SpreadsheetMl {

    /** Excel's limit for the characters of one cell. */
    static final int MAX_CELL_CHARS = 32_767;

    private SpreadsheetMl() {
    }

    /**
     * Text as SpreadsheetML strings hold it (ST_Xstring): a control character as _xHHHH_, a literal "_xHHHH_" with its
     * underscore escaped as _x005F_, at most 32 767 characters (Excel's limit for a cell).
     */
    static String xstring(String value) {
        if (value == null) {
            return "";
        }
        String s = SheetNames.cut(value, MAX_CELL_CHARS);
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String escape = null;
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFE' || c == '\uFFFF') {
                escape = String.format("_x%04X_", (int) c);
            } else if (c == '_' && escapeLike(s, i)) {
                escape = "_x005F_";
            }
            if (escape != null && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                if (escape != null) {
                    out.append(escape);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }

    /** Whether "_xHHHH_" starts at i. */
    private static boolean escapeLike(String s, int i) {
        if (i + 7 > s.length() || s.charAt(i + 1) != 'x' || s.charAt(i + 6) != '_') {
            return false;
        }
        for (int k = i + 2; k < i + 6; k++) {
            if (Character.digit(s.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** "A" for 0, "Z" for 25, "AA" for 26 … */
    static String columnName(int index) {
        StringBuilder name = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            name.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return name.toString();
    }

    /** A sheet name as a formula reference: in apostrophes, its own apostrophes doubled. */
    static String quotedSheet(String name) {
        return "'" + name.replace("'", "''") + "'";
    }
}
