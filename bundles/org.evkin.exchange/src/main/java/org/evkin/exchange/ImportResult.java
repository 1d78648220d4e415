package org.evkin.exchange;

import java.util.List;

/**
 * The outcome of an import, all-or-nothing: either every row, valid, and no error, or the errors and no row.
 *
 * @param rows        the valid rows in file order; empty when there is any error
 * @param errors      the problems found, at most the configured number, the last one then saying how many more
 * @param errorCount  how many problems the file has in all, including those left out of {@code errors}
 * @param <T>         the row type
 */
public record ImportResult<T>(List<T> rows, List<ImportError> errors, int errorCount) {

    public ImportResult {
        rows = List.copyOf(rows);
        errors = List.copyOf(errors);
        if (!errors.isEmpty() && !rows.isEmpty()) {
            throw new IllegalArgumentException("an import with errors has no rows");
        }
        if (errorCount < 0 || (errorCount == 0) != errors.isEmpty()) {
            throw new IllegalArgumentException("errorCount does not match errors");
        }
    }

    /** A successful import. */
    public static <T> ImportResult<T> of(List<T> rows) {
        return new ImportResult<>(rows, List.of(), 0);
    }

    /** A rejected import. */
    public static <T> ImportResult<T> rejected(List<ImportError> errors, int errorCount) {
        return new ImportResult<>(List.of(), errors, errorCount);
    }

    /** True when the file was accepted. */
    public boolean ok() {
        return errors.isEmpty();
    }
}
