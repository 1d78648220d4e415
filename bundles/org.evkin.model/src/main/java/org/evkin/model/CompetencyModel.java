package org.evkin.model;

import java.util.List;
import java.util.Optional;

/** The core competency model, read-only, shared by every instrument, form and report. */
public interface CompetencyModel {

    /** Where the texts come from (the report and its tables). */
    String source();

    /** The six subunsur kompetensi, in order. */
    List<Competency> competencies();

    /** The fifteen subkompetensi, in order. */
    List<Subcompetency> subcompetencies();

    /** The subkompetensi with this number, if any. */
    Optional<Subcompetency> subcompetency(int no);

    /** The filled blueprint cells of a target, in subkompetensi order; a subkompetensi without a cell is not part of it. */
    List<BlueprintEntry> blueprint(Target target);

    /** The blueprint cell of a subkompetensi at a target, if that subkompetensi is part of it. */
    Optional<BlueprintEntry> blueprint(Target target, int subcompetency);

    /** The whole Part-1 task catalog: every indikator perilaku of the four PK levels, by level then subkompetensi. */
    List<Task> tasks();

    /** The task with this code, if any. */
    Optional<Task> task(String code);
}
