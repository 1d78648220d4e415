package org.evkin.report.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.evkin.instrument.InstrumentDefinition;
import org.evkin.instrument.ReportTemplate;
import org.evkin.scoring.Band;
import org.evkin.scoring.Bands;
import org.evkin.scoring.RaterSource;
import org.evkin.scoring.ScoringRules;

/** Turns the configuration and an instrument's report template into scoring rules; invalid settings fail with a precise message. */
final class ScoringSettings {

    private ScoringSettings() {
    }

    /** The platform's rules from the configuration. */
    static ScoringRules from(ReportConfig config) {
        return new ScoringRules(bands(config.bands()), weights(config.weights()), threshold(config.ideal_threshold()));
    }

    /** The rules of one program: the platform's, overridden by what its report template sets. */
    static ScoringRules forProgram(ScoringRules platform, InstrumentDefinition definition) {
        ScoringRules rules = platform;
        ReportTemplate template = definition == null ? null : definition.report();
        if (template == null) {
            return rules;
        }
        if (!template.bands().isEmpty()) {
            List<Band> bands = new ArrayList<>();
            for (org.evkin.instrument.Band b : template.bands()) {
                bands.add(new Band(b.min(), b.category(), b.predicate()));
            }
            rules = rules.withBands(Bands.of(bands));
        }
        if (template.weights() != null && !template.weights().isEmpty()) {
            Map<RaterSource, BigDecimal> w = new EnumMap<>(RaterSource.class);
            template.weights().forEach((k, v) -> w.put(RaterSource.valueOf(k), v));
            rules = rules.withWeights(w);
        }
        if (template.idealThreshold() != null) {
            rules = rules.withIdealThreshold(template.idealThreshold());
        }
        return rules;
    }

    static Bands bands(String text) {
        List<Band> bands = new ArrayList<>();
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            String[] f = part.split("\\|");
            if (f.length != 3) {
                throw new IllegalArgumentException("bands: '" + part.trim() + "' is not 'min|category|predikat'");
            }
            bands.add(new Band(decimal("bands", f[0]), f[1].trim(), f[2].trim()));
        }
        try {
            return Bands.of(bands);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bands: " + e.getMessage(), e);
        }
    }

    static Map<RaterSource, BigDecimal> weights(String text) {
        Map<RaterSource, BigDecimal> weights = new EnumMap<>(RaterSource.class);
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] f = part.split("=");
            if (f.length != 2) {
                throw new IllegalArgumentException("weights: '" + part.trim() + "' is not SOURCE=weight");
            }
            RaterSource source;
            try {
                source = RaterSource.valueOf(f[0].trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("weights: unknown source '" + f[0].trim() + "' (DIRI, ATASAN, REKAN, PENGGUNA)");
            }
            weights.put(source, decimal("weights", f[1]));
        }
        if (weights.size() != RaterSource.values().length) {
            throw new IllegalArgumentException("weights: all four sources DIRI, ATASAN, REKAN, PENGGUNA need a weight, got " + weights.keySet());
        }
        return weights;
    }

    static BigDecimal threshold(String text) {
        return decimal("ideal.threshold", text);
    }

    private static BigDecimal decimal(String setting, String text) {
        try {
            return new BigDecimal(text.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting + ": '" + text.trim() + "' is not a number");
        }
    }
}
