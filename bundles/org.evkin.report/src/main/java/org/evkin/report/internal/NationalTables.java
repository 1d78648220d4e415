package org.evkin.report.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.evkin.exchange.Provinces;
import org.evkin.model.BlueprintEntry;
import org.evkin.model.CompetencyModel;
import org.evkin.model.Subcompetency;
import org.evkin.model.Target;
import org.evkin.model.Task;
import org.evkin.report.ReportTable;
import org.evkin.report.ReportTable.Column;
import org.evkin.report.ReportTable.Kind;
import org.evkin.report.internal.Evaluation.ProgramEvaluation;
import org.evkin.scoring.Band;
import org.evkin.scoring.Bands;
import org.evkin.scoring.Score;

/** Computes every table of the national report (Bab III: Tabel 3.1–3.12, Gambar 3.1) from scored participants. */
final class NationalTables {

    private static final List<String> DEFAULT_KEYS = List.of("ST", "T", "S", "R", "SR");

    private final CompetencyModel model;
    private final Bands bands;
    private final List<String> predicateKeys;
    private final Set<String> catalog = new HashSet<>();

    NationalTables(CompetencyModel model, Bands bands) {
        this.model = model;
        this.bands = bands;
        int n = bands.list().size();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add(n == DEFAULT_KEYS.size() ? DEFAULT_KEYS.get(i) : "P" + (i + 1));
        }
        this.predicateKeys = keys;
        for (Task t : model.tasks()) {
            catalog.add(t.subcompetency() + ":" + t.level().rank());
        }
    }

    /** All tables, in the report's order, for the participants given (already within the filter). */
    List<ReportTable> all(List<Evaluation> evaluations) {
        List<Evaluation> pk = evaluations.stream().filter(e -> e.target().isPkLevel()).toList();
        List<Evaluation> pak = evaluations.stream().filter(e -> !e.target().isPkLevel()).toList();
        List<ReportTable> tables = new ArrayList<>();
        Map<String, String> pkPrograms = programs(pk);
        tables.add(programTable("3.1", pk, pkPrograms));
        tables.add(perLevel(pk));
        tables.add(programByLevel(pk, pkPrograms));
        tables.add(meanByLevel(pk, pkPrograms));
        tables.add(predicates("3.5", pk));
        tables.add(predicatesByLevel(pk));
        tables.add(predicatesByProvince("3.7", pk));
        int[][] mapped = mappedCounts(pk);
        tables.add(mappingTable(mapped));
        tables.add(distributionTable(pk, mapped));
        tables.add(programTable("3.10", pak, programs(pak)));
        tables.add(predicates("3.11", pak));
        tables.add(predicatesByProvince("3.12", pak));
        tables.add(pakProfile(pak));
        return tables;
    }

    private static Map<String, String> programs(List<Evaluation> evaluations) {
        Map<String, String> programs = new TreeMap<>();
        for (Evaluation e : evaluations) {
            for (ProgramEvaluation pe : e.programs()) {
                String code = pe.enrolment().programCode();
                String title = pe.definition() == null ? code : pe.definition().title();
                programs.merge(code, title, (a, b) -> a.equals(code) ? b : a);
            }
        }
        return programs;
    }

    private ReportTable programTable(String id, List<Evaluation> evaluations, Map<String, String> programs) {
        List<Column> columns = List.of(col("no", "col.no", Kind.COUNT), col("program", "col.program", Kind.TEXT),
                col("title", "col.title", Kind.TEXT), col("enrolled", "col.enrolled", Kind.COUNT),
                col("eligible", "col.eligible", Kind.COUNT), col("withResult", "col.withResult", Kind.COUNT));
        List<List<Object>> rows = new ArrayList<>();
        int no = 0;
        int[] sum = new int[3];
        for (Map.Entry<String, String> program : programs.entrySet()) {
            int[] n = new int[3];
            for (Evaluation e : evaluations) {
                for (ProgramEvaluation pe : e.programs()) {
                    if (pe.enrolment().programCode().equals(program.getKey())) {
                        n[0]++;
                        n[1] += pe.eligible() ? 1 : 0;
                        n[2] += pe.hasResult() ? 1 : 0;
                    }
                }
            }
            rows.add(row(++no, program.getKey(), program.getValue(), n[0], n[1], n[2]));
            for (int i = 0; i < 3; i++) {
                sum[i] += n[i];
            }
        }
        return table(id, columns, rows, row(null, Texts.get("national.total"), null, sum[0], sum[1], sum[2]));
    }

    private ReportTable perLevel(List<Evaluation> pk) {
        List<List<Object>> rows = new ArrayList<>();
        int total = 0;
        for (Target level : Target.pkLevels()) {
            int n = (int) pk.stream().filter(e -> e.target() == level && e.hasConclusion()).count();
            rows.add(row(level.label(), n));
            total += n;
        }
        return table("3.2", List.of(col("level", "col.level", Kind.TEXT), col("count", "col.count", Kind.COUNT)), rows,
                row(Texts.get("national.total"), total));
    }

    private List<Column> programLevelColumns(Kind kind, boolean withTotal) {
        List<Column> columns = new ArrayList<>(List.of(col("no", "col.no", Kind.COUNT), col("program", "col.program", Kind.TEXT),
                col("title", "col.title", Kind.TEXT)));
        for (Target level : Target.pkLevels()) {
            columns.add(new Column(level.name(), level.label(), kind));
        }
        if (withTotal) {
            columns.add(col("total", "col.total", Kind.COUNT));
        }
        return columns;
    }

    private ReportTable programByLevel(List<Evaluation> pk, Map<String, String> programs) {
        List<List<Object>> rows = new ArrayList<>();
        int[] sums = new int[5];
        int no = 0;
        for (Map.Entry<String, String> program : programs.entrySet()) {
            List<Object> row = row(++no, program.getKey(), program.getValue());
            int total = 0;
            int i = 0;
            for (Target level : Target.pkLevels()) {
                int n = (int) pk.stream().filter(e -> e.target() == level && resultIn(e, program.getKey()) != null).count();
                row.add(n);
                sums[i++] += n;
                total += n;
            }
            row.add(total);
            sums[4] += total;
            rows.add(row);
        }
        List<Object> totalRow = row(null, Texts.get("national.total"), null);
        for (int s : sums) {
            totalRow.add(s);
        }
        return table("3.3", programLevelColumns(Kind.COUNT, true), rows, totalRow);
    }

    private ReportTable meanByLevel(List<Evaluation> pk, Map<String, String> programs) {
        List<List<Object>> rows = new ArrayList<>();
        int no = 0;
        for (Map.Entry<String, String> program : programs.entrySet()) {
            List<Object> row = row(++no, program.getKey(), program.getValue());
            for (Target level : Target.pkLevels()) {
                List<Score> scores = pk.stream().filter(e -> e.target() == level).map(e -> resultIn(e, program.getKey()))
                        .filter(s -> s != null).toList();
                row.add(scores.isEmpty() ? null : Score.mean(scores).roundHalfUp(2));
            }
            rows.add(row);
        }
        return table("3.4", programLevelColumns(Kind.MEAN, false), rows, null);
    }

    /** score(p,g) when the participant has a result in the program, else null. */
    private static Score resultIn(Evaluation e, String program) {
        for (ProgramEvaluation pe : e.programs()) {
            if (pe.enrolment().programCode().equals(program) && pe.hasResult()) {
                return pe.result().score().get();
            }
        }
        return null;
    }

    /** The predikat column of a participant with a conclusion: the position of its band. */
    private int predicateIndex(Evaluation e) {
        int i = e.rules().bands().list().indexOf(e.conclusion());
        if (i < 0) {
            i = bands.list().indexOf(bands.lookup(e.result().score().get()));
        }
        return Math.min(i, predicateKeys.size() - 1);
    }

    private ReportTable predicates(String id, List<Evaluation> evaluations) {
        int[] counts = new int[predicateKeys.size()];
        int total = 0;
        for (Evaluation e : evaluations) {
            if (e.hasConclusion()) {
                counts[predicateIndex(e)]++;
                total++;
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            rows.add(row(bands.list().get(i).predicate(), counts[i], total == 0 ? null : Score.of(100L * counts[i], total).roundWhole()));
        }
        return table(id, List.of(col("predicate", "col.predicate", Kind.TEXT), col("count", "col.count", Kind.COUNT),
                col("percentage", "col.percentage", Kind.PERCENT)), rows, row(Texts.get("national.total"), total, total == 0 ? null : 100));
    }

    private List<Column> predicateColumns() {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < predicateKeys.size(); i++) {
            columns.add(new Column(predicateKeys.get(i), bands.list().get(i).predicate(), Kind.COUNT));
        }
        columns.add(col("total", "col.total", Kind.COUNT));
        return columns;
    }

    private ReportTable predicatesByLevel(List<Evaluation> pk) {
        List<Column> columns = new ArrayList<>(List.of(col("level", "col.level", Kind.TEXT)));
        columns.addAll(predicateColumns());
        List<List<Object>> rows = new ArrayList<>();
        int[] sums = new int[predicateKeys.size() + 1];
        for (Target level : Target.pkLevels()) {
            int[] n = counts(pk.stream().filter(e -> e.target() == level).toList());
            List<Object> row = row(level.label());
            for (int i = 0; i < n.length; i++) {
                row.add(n[i]);
                sums[i] += n[i];
            }
            rows.add(row);
        }
        List<Object> total = row(Texts.get("national.total"));
        Arrays.stream(sums).forEach(total::add);
        return table("3.6", columns, rows, total);
    }

    /** Predikat counts of those with a conclusion, then their total. */
    private int[] counts(List<Evaluation> evaluations) {
        int[] n = new int[predicateKeys.size() + 1];
        for (Evaluation e : evaluations) {
            if (e.hasConclusion()) {
                n[predicateIndex(e)]++;
                n[predicateKeys.size()]++;
            }
        }
        return n;
    }

    private ReportTable predicatesByProvince(String id, List<Evaluation> evaluations) {
        List<Column> columns = new ArrayList<>(List.of(col("no", "col.no", Kind.COUNT), col("province", "col.province", Kind.TEXT)));
        columns.addAll(predicateColumns());
        List<String> order = new ArrayList<>(Provinces.officialNames());
        evaluations.stream().map(e -> e.participant().province()).distinct().filter(p -> !order.contains(p)).sorted().forEach(order::add);
        List<List<Object>> rows = new ArrayList<>();
        int[] sums = new int[predicateKeys.size() + 1];
        int no = 0;
        for (String province : order) {
            int[] n = counts(evaluations.stream().filter(e -> province.equals(e.participant().province())).toList());
            if (n[predicateKeys.size()] == 0) {
                continue;
            }
            List<Object> row = row(++no, province);
            for (int i = 0; i < n.length; i++) {
                row.add(n[i]);
                sums[i] += n[i];
            }
            rows.add(row);
        }
        List<Object> total = row(null, Texts.get("national.total"));
        Arrays.stream(sums).forEach(total::add);
        return table(id, columns, rows, total);
    }

    /** [s][R]: Tabel 3.8's whole numbers (s 1..15, R rank 1..4), in one pass over the mapped participants. */
    private static int[][] mappedCounts(List<Evaluation> pk) {
        int[][] sums = new int[CycleData.SUBCOMPETENCIES + 1][CycleData.LEVELS + 1];
        for (Evaluation e : pk) {
            if (!e.mapped()) {
                continue;
            }
            int r = e.target().rank();
            for (String source : Evaluator.PART1_SOURCES) {
                short[] form = e.part1().get(source);
                for (int s = 1; s <= CycleData.SUBCOMPETENCIES; s++) {
                    if (ticks(form, s) > 0) {
                        sums[s][r]++;
                    }
                }
            }
        }
        int[][] counts = new int[CycleData.SUBCOMPETENCIES + 1][CycleData.LEVELS + 1];
        for (int s = 1; s <= CycleData.SUBCOMPETENCIES; s++) {
            for (int r = 1; r <= CycleData.LEVELS; r++) {
                counts[s][r] = Score.of(sums[s][r], Evaluator.PART1_SOURCES.size()).roundWhole();
            }
        }
        return counts;
    }

    private static int ticks(short[] part1, int s) {
        int n = 0;
        for (int l = 1; l <= CycleData.LEVELS; l++) {
            n += part1[CycleData.tickIndex(s, l)];
        }
        return n;
    }

    private ReportTable mappingTable(int[][] mapped) {
        List<Column> columns = new ArrayList<>(List.of(col("no", "col.no", Kind.COUNT), col("subcompetency", "col.subcompetency", Kind.TEXT)));
        for (Target level : Target.pkLevels()) {
            columns.add(new Column(level.name(), level.label(), Kind.COUNT));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Subcompetency s : model.subcompetencies()) {
            List<Object> row = row(s.no(), s.name());
            for (int r = 1; r <= CycleData.LEVELS; r++) {
                row.add(mapped[s.no()][r]);
            }
            rows.add(row);
        }
        return table("3.8", columns, rows, null);
    }

    private ReportTable distributionTable(List<Evaluation> pk, int[][] mapped) {
        List<Column> columns = new ArrayList<>(List.of(col("no", "col.no", Kind.COUNT), col("subcompetency", "col.subcompetency", Kind.TEXT),
                col("level", "col.respondentLevel", Kind.TEXT), col("count", "col.mapped", Kind.COUNT)));
        for (Target level : Target.pkLevels()) {
            columns.add(new Column(level.name(), Texts.get("col.task", level.label()), Kind.PERCENT));
        }
        // ticks[s][R][L] over the Part-1 forms of mapped participants at respondent level R, in one pass
        long[][][] ticks = new long[CycleData.SUBCOMPETENCIES + 1][CycleData.LEVELS + 1][CycleData.LEVELS + 1];
        for (Evaluation e : pk) {
            if (!e.mapped()) {
                continue;
            }
            int r = e.target().rank();
            for (short[] form : e.part1().values()) {
                for (int s = 1; s <= CycleData.SUBCOMPETENCIES; s++) {
                    for (int l = 1; l <= CycleData.LEVELS; l++) {
                        ticks[s][r][l] += form[CycleData.tickIndex(s, l)];
                    }
                }
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Subcompetency s : model.subcompetencies()) {
            for (Target respondent : Target.pkLevels()) {
                long[] byLevel = ticks[s.no()][respondent.rank()];
                long all = 0;
                for (int l = 1; l <= CycleData.LEVELS; l++) {
                    all += byLevel[l];
                }
                List<Object> row = row(s.no(), s.name(), respondent.label(), mapped[s.no()][respondent.rank()]);
                for (int l = 1; l <= CycleData.LEVELS; l++) {
                    if (!catalog.contains(s.no() + ":" + l)) {
                        row.add(null);
                    } else {
                        row.add(all == 0 ? 0 : Score.of(100L * byLevel[l], all).roundWhole());
                    }
                }
                rows.add(row);
            }
        }
        return table("3.9", columns, rows, null);
    }

    private ReportTable pakProfile(List<Evaluation> pak) {
        List<Column> columns = List.of(col("competency", "col.competency", Kind.TEXT), col("subcompetency", "col.subcompetency", Kind.TEXT),
                col("explanation", "col.explanation", Kind.TEXT), col("category", "col.category", Kind.TEXT), col("mean", "col.mean", Kind.MEAN));
        List<Evaluation> concluded = pak.stream().filter(Evaluation::hasConclusion).toList();
        List<List<Object>> rows = new ArrayList<>();
        for (Subcompetency s : model.subcompetencies()) {
            String competency = s.competency() + ". " + model.competencies().get(s.competency() - 1).name();
            List<Score> scores = concluded.stream().map(e -> e.result().subcompetencyScores().get(s.no())).filter(x -> x != null).toList();
            if (scores.isEmpty()) {
                rows.add(row(competency, s.no() + ". " + s.name(), Texts.get("individual.notRated"), Texts.get("individual.noCategory"), null));
            } else {
                Score mean = Score.mean(scores);
                String explanation = model.blueprint(Target.PAK, s.no()).map(BlueprintEntry::operationalDefinition).orElse("");
                rows.add(row(competency, s.no() + ". " + s.name(), explanation, bands.lookup(mean).category(), mean.roundHalfUp(2)));
            }
        }
        List<Score> overall = concluded.stream().map(e -> e.result().score().get()).toList();
        List<Object> total = overall.isEmpty() ? row(Texts.get("national.conclusion"), null, null, Texts.get("individual.noCategory"), null)
                : conclusionRow(Score.mean(overall));
        return table("G3.1", columns, rows, total);
    }

    private List<Object> conclusionRow(Score mean) {
        Band band = bands.lookup(mean);
        return row(Texts.get("national.conclusion"), null, null, band.predicate(), mean.roundHalfUp(2));
    }

    private static Column col(String key, String label, Kind kind) {
        return new Column(key, Texts.get(label), kind);
    }

    private static ReportTable table(String id, List<Column> columns, List<List<Object>> rows, List<Object> total) {
        String note = "note." + id;
        String text;
        try {
            text = Texts.get(note);
        } catch (java.util.MissingResourceException e) {
            text = null;
        }
        return new ReportTable(id, Texts.get("table." + id), text, columns, rows, total);
    }

    private static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }
}
