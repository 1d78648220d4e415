package org.evkin.exchange.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import org.evkin.exchange.ImportOptions;
import org.evkin.exchange.ImportResult;
import org.evkin.exchange.ParticipantLookup;
import org.evkin.exchange.ParticipantRow;
import org.evkin.exchange.ProgramCatalog;
import org.evkin.exchange.ResponseRow;

/** Runs an import: reads the upload within its limits, tells CSV from XLSX, and hands the table to its validator. */
public final class ImportRunner {

    /** How the caller says the file is written. */
    public enum Format { DETECT, CSV, XLSX }

    private ImportRunner() {
    }

    /** The header names of the participant import. */
    public static List<String> participantColumns() {
        return ParticipantValidator.COLUMNS;
    }

    /** The header names of the responses import. */
    public static List<String> responseColumns() {
        return ResponseValidator.COLUMNS;
    }

    public static ImportResult<ParticipantRow> participants(InputStream in, Format format, ProgramCatalog catalog,
            ImportOptions options) throws IOException {
        Objects.requireNonNull(catalog, "catalog");
        Messages messages = Messages.indonesian();
        Problems problems = new Problems(messages, options.maxErrors());
        Table table = table(in, format, options, ParticipantValidator.COLUMNS, problems);
        if (table == null) {
            return problems.result(List.of());
        }
        return new ParticipantValidator(catalog, options, messages, problems).validate(table);
    }

    public static ImportResult<ResponseRow> responses(InputStream in, Format format, ProgramCatalog catalog,
            ParticipantLookup lookup, ImportOptions options) throws IOException {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(lookup, "lookup");
        Messages messages = Messages.indonesian();
        Problems problems = new Problems(messages, options.maxErrors());
        Table table = table(in, format, options, ResponseValidator.COLUMNS, problems);
        if (table == null) {
            return problems.result(List.of());
        }
        return new ResponseValidator(catalog, lookup, options, messages, problems).validate(table);
    }

    /** The table of the file, or null when it could not be read (the problem reported). */
    private static Table table(InputStream in, Format format, ImportOptions options, List<String> columns,
            Problems problems) throws IOException {
        Objects.requireNonNull(in, "in");
        try {
            byte[] data = Bytes.readAll(in, options.maxBytes());
            boolean xlsx = switch (format) {
                case XLSX -> true;
                case CSV -> false;
                case DETECT -> Bytes.isZip(data) || Bytes.isOle2(data);
            };
            if (xlsx) {
                return XlsxReader.read(data, options.maxUncompressedBytes(), options.maxRows());
            }
            if (Bytes.isZip(data) || Bytes.isOle2(data)) {
                throw new FileProblem(0, "csv.isSpreadsheet");
            }
            return CsvReader.read(data, options.maxRows(), columns, problems);
        } catch (FileProblem p) {
            problems.add(p);
            return null;
        }
    }
}
