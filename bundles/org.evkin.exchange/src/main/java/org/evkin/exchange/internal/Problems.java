package org.evkin.exchange.internal;

import java.util.ArrayList;
import java.util.List;
import org.evkin.exchange.ImportError;
import org.evkin.exchange.ImportResult;

/** Collects the problems of one file, up to a limit, with the full Indonesian message of each. */
final class Problems {

    private final Messages messages;
    private final int max;
    private final List<ImportError> listed = new ArrayList<>();
    private int count;

    Problems(Messages messages, int max) {
        this.messages = messages;
        this.max = max;
    }

    /** A problem of one cell: "Baris 7, kolom nilai_pelatihan: …". */
    void cell(int row, String column, String key, Object... args) {
        add(row, column, key, messages.format("prefix.cell", row, column, messages.format(key, args)));
    }

    /** A problem of a row, not of one cell (column may still name the column concerned): "Baris 1: …". */
    void row(int row, String column, String key, Object... args) {
        add(row, column, key, messages.format("prefix.row", row, messages.format(key, args)));
    }

    /** A problem of the whole file. */
    void file(String key, Object... args) {
        add(0, null, key, messages.format("prefix.file", messages.format(key, args)));
    }

    /** Records a problem that stopped the reading. */
    void add(FileProblem p) {
        if (p.row > 0) {
            row(p.row, null, p.key, p.args);
        } else {
            file(p.key, p.args);
        }
    }

    boolean any() {
        return count > 0;
    }

    int count() {
        return count;
    }

    /** The rows when there was no problem, else the problems and no row. */
    <T> ImportResult<T> result(List<T> rows) {
        if (count == 0) {
            return ImportResult.of(rows);
        }
        List<ImportError> errors = new ArrayList<>(listed);
        if (count > listed.size()) {
            int more = count - listed.size();
            errors.add(new ImportError(0, null, "errors.more", messages.format("errors.more", more)));
        }
        return ImportResult.rejected(errors, count);
    }

    private void add(int row, String column, String key, String message) {
        count++;
        if (listed.size() < max) {
            listed.add(new ImportError(row, column, key, message));
        }
    }
}
