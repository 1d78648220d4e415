package org.evkin.report.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.evkin.model.BlueprintEntry;
import org.evkin.model.CompetencyModel;
import org.evkin.model.Competency;
import org.evkin.model.Subcompetency;
import org.evkin.model.Target;
import org.evkin.report.IndividualReport;
import org.evkin.report.IndividualReport.Activity;
import org.evkin.report.IndividualReport.ActivityRow;
import org.evkin.report.IndividualReport.CompetencySection;
import org.evkin.report.IndividualReport.Conclusion;
import org.evkin.report.IndividualReport.Identity;
import org.evkin.report.IndividualReport.ProgramState;
import org.evkin.report.IndividualReport.Status;
import org.evkin.report.IndividualReport.SubcompetencyRow;
import org.evkin.report.internal.Evaluation.ProgramEvaluation;
import org.evkin.scoring.ActivityProfile;
import org.evkin.scoring.Score;
import org.evkin.store.CycleRecord;
import org.evkin.store.ParticipantRecord;

/** Builds a participant's individual report from an Evaluation: texts from the model and messages, never a rater's answers. */
final class IndividualReports {

    private final CompetencyModel model;

    IndividualReports(CompetencyModel model) {
        this.model = model;
    }

    IndividualReport build(CycleRecord cycle, Evaluation ev, Instant now) {
        ParticipantRecord p = ev.participant();
        Target target = ev.target();
        Identity identity = new Identity(p.id(), p.name(), p.nip(), p.institution(), p.kind(), target.name(),
                target.isPkLevel() ? Texts.get("activity.level", target.label()) : target.label(), p.province(), p.district());
        List<ProgramState> programs = new ArrayList<>();
        boolean allEligibleDone = true;
        for (ProgramEvaluation pe : ev.programs()) {
            List<String> missing = pe.eligible() && pe.result() != null
                    ? pe.result().missingSources().stream().map(Enum::name).toList() : List.of();
            String title = pe.definition() == null ? pe.enrolment().programCode() : pe.definition().title();
            programs.add(new ProgramState(pe.enrolment().programCode(), title, pe.eligible(), pe.hasResult(), missing,
                    missing.stream().map(s -> Texts.get("source." + s)).toList()));
            if (pe.eligible() && !pe.hasResult()) {
                allEligibleDone = false;
            }
        }
        Status status = !ev.eligibleAnywhere() ? Status.NOT_ELIGIBLE
                : !ev.hasConclusion() ? Status.PENDING : allEligibleDone ? Status.FINAL : Status.PARTIAL;
        boolean showScores = ev.hasConclusion();
        List<CompetencySection> profile = new ArrayList<>();
        for (Competency c : model.competencies()) {
            List<SubcompetencyRow> rows = new ArrayList<>();
            for (Subcompetency s : model.subcompetencies()) {
                if (s.competency() != c.no()) {
                    continue;
                }
                rows.add(row(ev, target, s, showScores));
            }
            profile.add(new CompetencySection(c.no(), c.name(), rows));
        }
        Conclusion conclusion = ev.hasConclusion()
                ? new Conclusion(ev.result().score().get().roundHalfUp(2), ev.conclusion().predicate()) : null;
        Activity activity = target.isPkLevel() && status != Status.NOT_ELIGIBLE ? activity(ev, target) : null;
        // every form is in, yet nobody could rate anything ("tidak dapat menilai" throughout): nothing is still to come
        boolean nothingToWaitFor = status == Status.PENDING && programs.stream().filter(ProgramState::eligible)
                .allMatch(ps -> ps.missingSources().isEmpty());
        String statusText = Texts.get(nothingToWaitFor ? "status.NO_RATING" : "status." + status.name());
        return new IndividualReport(cycle.id(), cycle.name(), Texts.get("individual.title." + (target.isPkLevel() ? "PK" : "PAK")),
                identity, status, statusText, programs, profile, conclusion, activity, now);
    }

    private SubcompetencyRow row(Evaluation ev, Target target, Subcompetency s, boolean showScores) {
        Optional<Score> score = showScores ? Optional.ofNullable(ev.result().subcompetencyScores().get(s.no())) : Optional.empty();
        if (score.isPresent()) {
            String explanation = model.blueprint(target, s.no()).map(BlueprintEntry::operationalDefinition).orElse("");
            return new SubcompetencyRow(s.no(), s.name(), true, explanation, ev.rules().bands().lookup(score.get()).category(),
                    score.get().roundHalfUp(2));
        }
        // not in a battery with a result, or nobody could rate it (every answer "tidak dapat menilai"): SPEC §4's text
        return new SubcompetencyRow(s.no(), s.name(), false, Texts.get("individual.notRated"),
                Texts.get("individual.noCategory"), null);
    }

    private static Activity activity(Evaluation ev, Target target) {
        ActivityProfile a = ev.activity();
        List<String> missing = Evaluator.PART1_SOURCES.stream().filter(s -> !ev.part1().containsKey(s))
                .map(s -> Texts.get("source." + s)).toList();
        List<ActivityRow> rows = new ArrayList<>();
        if (a.shown()) {
            for (Target level : Target.pkLevels()) {
                rows.add(new ActivityRow(level.name(), Texts.get("activity.level", level.label()),
                        a.roundedCounts().get(level.name()), a.percentages().get(level.name())));
            }
        }
        int threshold = Score.of(ev.rules().idealThreshold()).times(Score.of(100)).roundWhole();
        String levelLabel = target.label();
        return new Activity(a.shown(), missing, target.name(), Texts.get("activity.level", levelLabel), rows, a.shown() && a.ideal(),
                threshold, Texts.get("activity.ideal"), Texts.get("activity.notIdeal"), Texts.get("activity.rule", levelLabel, threshold),
                List.of(Texts.get("activity.explanation.1", levelLabel), Texts.get("activity.explanation.2"),
                        Texts.get("activity.explanation.3", levelLabel, threshold)));
    }
}
