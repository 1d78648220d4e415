package org.evkin.workflow;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A form as a rater fills it: Part 2 — the program's items at the participant's level in the rater's phrasing, grouped
 * by subkompetensi; Part 1 — the task catalog of all four levels grouped by subkompetensi, of which the rater first
 * chooses the subkompetensi that apply (scope). Holds the saved draft or the submitted content.
 */
public record FormView(int part, String programCode, String programTitle, String version, RaterRole role, String status,
        int revision, boolean open, List<Section> sections, Map<String, String> answers, Set<String> ticks, Set<Integer> scope,
        Map<Integer, String> scaleLabels, String notObservedLabel) {

    public FormView {
        sections = List.copyOf(sections);
        answers = Map.copyOf(answers);
        ticks = Set.copyOf(ticks);
        scope = Set.copyOf(scope);
        scaleLabels = scaleLabels == null ? Map.of() : Map.copyOf(scaleLabels);
    }

    public boolean submitted() {
        return "SUBMITTED".equals(status);
    }

    /** A subkompetensi with its statements (Part 2) or tasks (Part 1, each with its level). */
    public record Section(int subcompetency, String name, List<Entry> entries) {
        public Section {
            entries = List.copyOf(entries);
        }
    }

    /** An item or a task: its code, its text, and for tasks the level it belongs to. */
    public record Entry(String code, String text, String level) {
    }
}
