package org.evkin.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import org.evkin.exchange.internal.ImportRunner;

/**
 * The responses import of SPEC 5 (paper forms, migration): CSV (or the first sheet of an XLSX file), header exactly
 * {@link #COLUMNS} in any order, one answer per row. All-or-nothing: any problem rejects the whole file with every
 * problem listed by row and column. Thread-safe; each call reads one file.
 */
public final class ResponseImport {

    /** The header names, each required exactly once, in any order. */
    public static final List<String> COLUMNS = ImportRunner.responseColumns();

    private final ProgramCatalog catalog;
    private final ParticipantLookup participants;
    private final ImportOptions options;

    /** An import checked against this catalog and these participants, with the default limits. */
    public ResponseImport(ProgramCatalog catalog, ParticipantLookup participants) {
        this(catalog, participants, ImportOptions.defaults());
    }

    public ResponseImport(ProgramCatalog catalog, ParticipantLookup participants, ImportOptions options) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.participants = Objects.requireNonNull(participants, "participants");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Reads a CSV or an XLSX file, told apart by its first bytes. The stream is read to its end, not closed. */
    public ImportResult<ResponseRow> read(InputStream in) throws IOException {
        return ImportRunner.responses(in, ImportRunner.Format.DETECT, catalog, participants, options);
    }

    /** Reads a CSV file. */
    public ImportResult<ResponseRow> readCsv(InputStream in) throws IOException {
        return ImportRunner.responses(in, ImportRunner.Format.CSV, catalog, participants, options);
    }

    /** Reads the first sheet of an XLSX file. */
    public ImportResult<ResponseRow> readXlsx(InputStream in) throws IOException {
        return ImportRunner.responses(in, ImportRunner.Format.XLSX, catalog, participants, options);
    }
}
