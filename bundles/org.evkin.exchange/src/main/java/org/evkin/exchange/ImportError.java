package org.evkin.exchange;

import java.util.Objects;

/**
 * One problem of an import file, for the user.
 *
 * @param row     the row as the user sees it: the header is row 1, the first data row is row 2; 0 for the whole file
 * @param column  the column name as the header spells it (e.g. "nilai_pelatihan"), or null when no column applies
 * @param code    a stable machine-readable key of the kind of problem (e.g. "score.notNumber")
 * @param message the full message in Bahasa Indonesia, naming the row and column and what is expected
 */
public record ImportError(int row, String column, String code, String message) {

    public ImportError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return message;
    }
}
