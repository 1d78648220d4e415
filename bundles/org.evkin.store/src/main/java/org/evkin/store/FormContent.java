package org.evkin.store;

import java.util.Map;
import java.util.Set;

/** What a form holds: Part-2 answers (item code → 1..4, null = tidak dapat menilai) or Part-1 ticked task codes. */
public record FormContent(Map<String, Integer> answers, Set<String> ticks, String scope) {

    public FormContent {
        answers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(answers));
        ticks = Set.copyOf(ticks);
    }

    public static FormContent empty() {
        return new FormContent(Map.of(), Set.of(), null);
    }
}
