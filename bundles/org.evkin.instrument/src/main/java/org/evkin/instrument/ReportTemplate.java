package org.evkin.instrument;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an instrument says in its individual report, and the scoring settings it overrides: empty bands, empty
 * weights (keys DIRI, ATASAN, REKAN, PENGGUNA) and a null idealThreshold mean the platform's defaults.
 */
public record ReportTemplate(String title, String intro, String closing, List<Band> bands, Map<String, BigDecimal> weights,
        BigDecimal idealThreshold) {

    public ReportTemplate {
        bands = List.copyOf(bands);
        weights = weights == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    /** A template that overrides neither the weights nor the ideal threshold. */
    public ReportTemplate(String title, String intro, String closing, List<Band> bands) {
        this(title, intro, closing, bands, Map.of(), null);
    }
}
