package org.evkin.instrument;

import java.math.BigDecimal;

/** A score band of a report template: from min (inclusive, on the rounded score) the category and the predikat. */
public record Band(BigDecimal min, String category, String predicate) {
}
