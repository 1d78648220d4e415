package org.evkin.exchange;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Limits and rules of an import; start from {@link #defaults()} and change what you need with the
 * {@code with…} methods.
 *
 * @param maxBytes             the largest file accepted, in bytes (default 32 MiB)
 * @param maxRows              the most data rows accepted (default 500 000)
 * @param maxErrors            the most problems listed; the rest are counted in one last line (default 1000)
 * @param maxUncompressedBytes the most bytes an XLSX file may unpack to, against zip bombs (default 512 MiB)
 * @param eligibilityThreshold the lowest eligible training score; a lower nilai_pelatihan is ineligible
 *                             (default 70.01, SPEC 3.8: "below 70,01")
 * @param requireCompleteForms responses import: a Part-2 form must answer every item of its battery at the
 *                             participant's level (a value or NA), like a form submitted on line (default true)
 */
public record ImportOptions(long maxBytes, int maxRows, int maxErrors, long maxUncompressedBytes,
        BigDecimal eligibilityThreshold, boolean requireCompleteForms) {

    /** The default training-score threshold: 70,01. */
    public static final BigDecimal DEFAULT_THRESHOLD = new BigDecimal("70.01");

    public ImportOptions {
        if (maxBytes <= 0 || maxRows <= 0 || maxErrors <= 0 || maxUncompressedBytes <= 0) {
            throw new IllegalArgumentException("import limits must be positive");
        }
        Objects.requireNonNull(eligibilityThreshold, "eligibilityThreshold");
    }

    /** The defaults described above. */
    public static ImportOptions defaults() {
        return new ImportOptions(32L << 20, 500_000, 1000, 512L << 20, DEFAULT_THRESHOLD, true);
    }

    public ImportOptions withMaxBytes(long value) {
        return new ImportOptions(value, maxRows, maxErrors,
                maxUncompressedBytes, eligibilityThreshold, requireCompleteForms);
    }

    public ImportOptions withMaxRows(int value) {
        return new ImportOptions(maxBytes, value, maxErrors,
                maxUncompressedBytes, eligibilityThreshold, requireCompleteForms);
    }

    public ImportOptions withMaxErrors(int value) {
        return new ImportOptions(maxBytes, maxRows, value,
                maxUncompressedBytes, eligibilityThreshold, requireCompleteForms);
    }

    public ImportOptions withMaxUncompressedBytes(long value) {
        return new ImportOptions(maxBytes, maxRows, maxErrors,
                value, eligibilityThreshold, requireCompleteForms);
    }

    public ImportOptions withEligibilityThreshold(BigDecimal value) {
        return new ImportOptions(maxBytes, maxRows, maxErrors,
                maxUncompressedBytes, value, requireCompleteForms);
    }

    public ImportOptions withRequireCompleteForms(boolean value) {
        return new ImportOptions(maxBytes, maxRows, maxErrors,
                maxUncompressedBytes, eligibilityThreshold, value);
    }
}
