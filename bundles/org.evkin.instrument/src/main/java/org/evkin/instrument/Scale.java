package org.evkin.instrument;

import java.util.Map;

/** The rating scale: labels of the values 1 to 4, and the label of "tidak dapat menilai". */
public record Scale(Map<Integer, String> labels, String notObserved) {

    public Scale {
        labels = Map.copyOf(labels);
    }
}
