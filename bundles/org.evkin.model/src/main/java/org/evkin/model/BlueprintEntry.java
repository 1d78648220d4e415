package org.evkin.model;

import java.util.List;

/** One filled blueprint cell: what a subkompetensi means at a level (or for PAK) and its indikator perilaku. */
public record BlueprintEntry(Target target, int subcompetency, String characteristic,
        String operationalDefinition, List<String> indicators) {

    public BlueprintEntry {
        indicators = List.copyOf(indicators);
    }
}
