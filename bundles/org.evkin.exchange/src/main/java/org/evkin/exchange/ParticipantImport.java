package org.evkin.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import org.evkin.exchange.internal.ImportRunner;

/**
 * The participant import of SPEC 5: one row per enrolment, CSV (';' or ',', UTF-8 with or without BOM) or XLSX
 * (first sheet), header exactly {@link #COLUMNS} in any order. All-or-nothing: any problem rejects the whole file
 * with every problem listed by row and column. Thread-safe; each call reads one file.
 */
public final class ParticipantImport {

    /** The header names, each required exactly once, in any order. */
    public static final List<String> COLUMNS = ImportRunner.participantColumns();

    private final ProgramCatalog catalog;
    private final ImportOptions options;

    /** An import checked against this catalog, with the default limits and eligibility threshold. */
    public ParticipantImport(ProgramCatalog catalog) {
        this(catalog, ImportOptions.defaults());
    }

    public ParticipantImport(ProgramCatalog catalog, ImportOptions options) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Reads a CSV or an XLSX file, told apart by its first bytes. The stream is read to its end, not closed. */
    public ImportResult<ParticipantRow> read(InputStream in) throws IOException {
        return ImportRunner.participants(in, ImportRunner.Format.DETECT, catalog, options);
    }

    /** Reads a CSV file. */
    public ImportResult<ParticipantRow> readCsv(InputStream in) throws IOException {
        return ImportRunner.participants(in, ImportRunner.Format.CSV, catalog, options);
    }

    /** Reads the first sheet of an XLSX file. */
    public ImportResult<ParticipantRow> readXlsx(InputStream in) throws IOException {
        return ImportRunner.participants(in, ImportRunner.Format.XLSX, catalog, options);
    }
}
