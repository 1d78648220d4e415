package org.evkin.workflow;

import java.util.Map;
import java.util.Set;

/**
 * What a rater sends: Part-2 answers by item code ("1".."4", or "NA" for tidak dapat menilai), or Part-1 ticked task codes
 * with the subkompetensi the rater chose to map (scope).
 */
public record FormInput(Map<String, String> answers, Set<String> ticks, Set<Integer> scope) {

    public FormInput {
        answers = answers == null ? Map.of() : Map.copyOf(answers);
        ticks = ticks == null ? Set.of() : Set.copyOf(ticks);
        scope = scope == null ? Set.of() : Set.copyOf(scope);
    }
}
