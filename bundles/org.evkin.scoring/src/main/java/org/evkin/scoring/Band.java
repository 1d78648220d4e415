package org.evkin.scoring;

import java.math.BigDecimal;

/** A score band: from min (inclusive, compared with the score rounded half-up to 2 decimals) the subkompetensi category and the predikat. */
public record Band(BigDecimal min, String category, String predicate) {
}
