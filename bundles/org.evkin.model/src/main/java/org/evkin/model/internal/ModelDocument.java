package org.evkin.model.internal;

import java.util.List;

/** The JSON shape of competency-model.json, bound by Jackson (see docs/competency-model.md). */
record ModelDocument(String source, List<CompetencyJson> competencies, List<SubcompetencyJson> subcompetencies,
        List<LevelJson> levels, List<BlueprintJson> blueprints) {

    record CompetencyJson(int no, String name) {
    }

    record SubcompetencyJson(int no, String name, int competency) {
    }

    record LevelJson(String code, String name, int rank) {
    }

    record BlueprintJson(String target, List<EntryJson> entries) {
    }

    record EntryJson(int subcompetency, String characteristic, String operationalDefinition, List<String> indicators) {
    }
}
