package org.evkin.report.internal;

import java.util.List;
import java.util.Map;

import org.evkin.instrument.InstrumentDefinition;
import org.evkin.model.Target;
import org.evkin.scoring.ActivityProfile;
import org.evkin.scoring.Band;
import org.evkin.scoring.ParticipantResult;
import org.evkin.scoring.ProgramResult;
import org.evkin.scoring.ScoringRules;
import org.evkin.store.EnrolmentRecord;
import org.evkin.store.ParticipantRecord;

/**
 * A participant scored: each enrolment's program result, the combined result and its predikat band, and (PK) the
 * activity profile with the Part-1 tick counts of each submitted Part-1 form by source.
 *
 * @param conclusion null without a conclusion
 * @param activity   null for PAK
 * @param part1      role → tick counts (CycleData.tickIndex) of the submitted Part-1 forms
 */
record Evaluation(ParticipantRecord participant, Target target, List<ProgramEvaluation> programs, ParticipantResult result,
        ScoringRules rules, Band conclusion, ActivityProfile activity, Map<String, short[]> part1) {

    /** One enrolment: the instrument version it is scored with, and its result (null when not eligible). */
    record ProgramEvaluation(EnrolmentRecord enrolment, InstrumentDefinition definition, ProgramResult result, ScoringRules rules) {

        boolean eligible() {
            return enrolment.eligible();
        }

        boolean hasResult() {
            return result != null && result.hasResult();
        }
    }

    /**
     * What the national tables need and no more: per-program scores without their subkompetensi maps, the
     * subkompetensi scores only for PAK (Gambar 3.1), no activity profile. Tens of thousands are held at once.
     */
    Evaluation slim() {
        List<ProgramEvaluation> slimPrograms = programs.stream().map(pe -> pe.result() == null ? pe
                : new ProgramEvaluation(pe.enrolment(), pe.definition(), new ProgramResult(pe.result().program(), pe.result().complete(),
                        Map.of(), pe.result().score(), pe.result().missingSources()), pe.rules())).toList();
        ParticipantResult slimResult = new ParticipantResult(result.programsWithResult(),
                target.isPkLevel() ? Map.of() : result.subcompetencyScores(), result.score());
        return new Evaluation(participant, target, slimPrograms, slimResult, rules, conclusion, null, mapped() ? part1 : Map.of());
    }

    boolean eligibleAnywhere() {
        return programs.stream().anyMatch(ProgramEvaluation::eligible);
    }

    boolean hasConclusion() {
        return conclusion != null;
    }

    /** Mapped (Tabel 3.8–3.9): PK, with a conclusion, all three Part-1 forms submitted. */
    boolean mapped() {
        return target.isPkLevel() && hasConclusion() && part1.size() == 3;
    }
}
