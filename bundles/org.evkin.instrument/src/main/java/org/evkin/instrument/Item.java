package org.evkin.instrument;

import org.evkin.model.Target;

/** A Part-2 statement: for one subkompetensi at one level, phrased for the self rater and for the other raters. */
public record Item(String code, int subcompetency, Target level, String self, String other) {
}
