package org.evkin.model;

/**
 * A task of the Part-1 catalog (Pemetaan Aktivitas Kerja): one indikator perilaku of a PK level's blueprint.
 * The code is stable: level prefix, subkompetensi number and the indicator's position, e.g. "AMA-03-02".
 */
public record Task(String code, Target level, int subcompetency, int ordinal, String text) {

    /** Builds the stable code of the task at the given place of the blueprint. */
    public static String codeOf(Target level, int subcompetency, int ordinal) {
        return String.format("%s-%02d-%02d", level.taskPrefix(), subcompetency, ordinal);
    }
}
