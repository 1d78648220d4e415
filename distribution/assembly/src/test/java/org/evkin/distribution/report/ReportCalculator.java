package org.evkin.distribution.report;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.evkin.distribution.report.Catalog.Item;
import org.evkin.distribution.report.Dataset.Enrolment;
import org.evkin.distribution.report.Dataset.Participant;
import org.evkin.distribution.report.Dataset.Source;
import org.evkin.exchange.Provinces;

/**
 * What the reports must say about a {@link Dataset}, computed here from the generated answers alone with exact
 * rationals, following SPEC §3 (scoring) and §4 (reports) with the default configuration: weights 1, the default bands,
 * threshold 0,75. Knows nothing of the server; the test compares the server's answers with these.
 */
final class ReportCalculator {

    static final String NOT_RATED = "Subkompetensi ini tidak termasuk dalam penilaian evaluasi kinerja";
    static final Q IDEAL_SHARE = Q.of(3, 4);
    /**
     * The label of a total row. It sits in the first TEXT column; a COUNT column "no" before it is null (ReportTable:
     * "total rows are typed like the rows").
     */
    static final String TOTAL = "TOTAL";

    /** A band of SPEC §3.6: lowest rounded score, category, predikat and the column key of the predikat tables. */
    record Band(BigDecimal min, String category, String predicate, String key) {
    }

    /** Highest first. */
    static final List<Band> BANDS = List.of(
            new Band(new BigDecimal("3.41"), "Sangat Baik", "Berkinerja Sangat Tinggi", "ST"),
            new Band(new BigDecimal("2.81"), "Baik", "Berkinerja Tinggi", "T"),
            new Band(new BigDecimal("2.21"), "Cukup", "Berkinerja Sedang", "S"),
            new Band(new BigDecimal("1.61"), "Kurang", "Berkinerja Rendah", "R"),
            new Band(new BigDecimal("1.00"), "Sangat Kurang", "Berkinerja Sangat Rendah", "SR"));

    /** Round half-up to 2 decimals, then the band whose lower bound is ≤ the rounded value. */
    static Band band(Q score) {
        BigDecimal rounded = score.round(2);
        return BANDS.stream().filter(b -> b.min().compareTo(rounded) <= 0).findFirst().orElse(BANDS.get(BANDS.size() - 1));
    }

    /** What a national report covers: null = everything. level is AHLI_* or PAK; province the official name. */
    record Scope(String program, String level, String province) {

        static Scope all() {
            return new Scope(null, null, null);
        }

        boolean covers(Participant p) {
            return (level == null || level.equals(p.target())) && (province == null || province.equals(p.province()));
        }

        boolean covers(Enrolment e) {
            return program == null || program.equals(e.program());
        }

        String query() {
            StringBuilder q = new StringBuilder();
            if (program != null) {
                q.append("&program=").append(program);
            }
            if (level != null) {
                q.append("&level=").append(level);
            }
            if (province != null) {
                q.append("&province=").append(URLEncoder.encode(province, StandardCharsets.UTF_8));
            }
            return q.toString();
        }
    }

    /** The scores of one eligible enrolment: score(p,g,s) per rated subkompetensi with a defined value, score(p,g). */
    record ProgramOutcome(String program, List<Source> missing, Map<Integer, Q> perSubcompetency, Q score) {

        /** SPEC §3.4: all four forms submitted and at least one rated subkompetensi with a defined score. */
        boolean result() {
            return missing.isEmpty() && score != null;
        }
    }

    /** A participant's scores over a set of eligible enrolments: score(p) and score(p,s); score null = no conclusion. */
    record ParticipantOutcome(List<ProgramOutcome> programs, Q score, Map<Integer, Q> perSubcompetency) {

        boolean conclusion() {
            return score != null;
        }

        boolean result(String program) {
            return programs.stream().anyMatch(g -> g.program().equals(program) && g.result());
        }

        ProgramOutcome program(String program) {
            return programs.stream().filter(g -> g.program().equals(program)).findFirst().orElseThrow();
        }
    }

    /** An expected table: rows and total (null when the table has none). A cell may be {@link AnyOf}. */
    record ExpectedTable(String id, List<String> columns, List<List<Object>> rows, List<Object> total) {
    }

    /** A cell whose value the contract leaves open between these. */
    record AnyOf(List<Object> values) {
    }

    /** The expected individual report. conclusion and activity may be null. */
    record ExpectedIndividual(String status, List<ExpectedProgram> programs, List<ExpectedSection> profile,
            ExpectedConclusion conclusion, ExpectedActivity activity) {
    }

    record ExpectedProgram(String code, boolean eligible, boolean result, List<Source> missing) {
    }

    record ExpectedSection(int no, String name, List<ExpectedRow> rows) {
    }

    /** category "-", score and explanation NOT_RATED when not rated. */
    record ExpectedRow(int no, String name, boolean rated, String explanation, String category, BigDecimal score) {
    }

    record ExpectedConclusion(BigDecimal score, String predicate) {
    }

    /** rows: level → {count, percentage}, empty when not shown. */
    record ExpectedActivity(boolean shown, List<Source> missing, Map<String, int[]> rows, boolean ideal) {
    }

    private final Catalog catalog;
    private final Dataset data;
    private final Map<String, Catalog.Task> tasks = new HashMap<>();
    /** score(p,g…) does not depend on the scope of a report: computed once per enrolment. */
    private final Map<String, ProgramOutcome> outcomes = new HashMap<>();

    ReportCalculator(Catalog catalog, Dataset data) {
        this.catalog = catalog;
        this.data = data;
        catalog.tasks().forEach(t -> tasks.put(t.code(), t));
    }

    // ---------------------------------------------------------------- SPEC §3: scores

    /** §3.1 score(p,g,r,s): the mean of the numeric answers to these items; null when all are "tidak dapat menilai". */
    static Q raterScore(Map<String, Integer> form, List<Item> items) {
        long sum = 0;
        int n = 0;
        for (Item i : items) {
            Integer v = form.get(i.code());
            if (v != null) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? null : Q.of(sum, n);
    }

    /** §3.1–3.3 for one enrolment (eligible or not: the caller decides whether it counts). */
    ProgramOutcome program(Participant p, Enrolment e) {
        return outcomes.computeIfAbsent(p.key() + "/" + e.program(), k -> program(catalog, p.target(), e));
    }

    static ProgramOutcome program(Catalog catalog, String target, Enrolment e) {
        Map<Integer, Q> perSub = new TreeMap<>();
        for (int s : catalog.rated(e.program(), target)) {
            List<Item> items = catalog.items(e.program(), target, s);
            List<Q> sources = new ArrayList<>();
            for (Source r : Source.values()) {
                Map<String, Integer> form = e.forms().get(r);
                Q score = form == null ? null : raterScore(form, items);
                if (score != null) {
                    sources.add(score);
                }
            }
            if (!sources.isEmpty()) {
                perSub.put(s, Q.mean(sources));
            }
        }
        List<Source> missing = Arrays.stream(Source.values()).filter(r -> !e.forms().containsKey(r)).toList();
        return new ProgramOutcome(e.program(), missing, perSub, perSub.isEmpty() ? null : Q.mean(perSub.values()));
    }

    /** §3.4–3.5 over the participant's eligible enrolments that pass the filter. */
    ParticipantOutcome participant(Participant p, Predicate<Enrolment> inScope) {
        List<ProgramOutcome> programs = new ArrayList<>();
        for (Enrolment e : p.enrolments()) {
            if (e.eligible() && inScope.test(e)) {
                programs.add(program(p, e));
            }
        }
        List<Q> scores = new ArrayList<>();
        Map<Integer, List<Q>> bySub = new TreeMap<>();
        for (ProgramOutcome g : programs) {
            if (g.result()) {
                scores.add(g.score());
                g.perSubcompetency().forEach((s, v) -> bySub.computeIfAbsent(s, k -> new ArrayList<>()).add(v));
            }
        }
        Map<Integer, Q> perSub = new TreeMap<>();
        bySub.forEach((s, v) -> perSub.put(s, Q.mean(v)));
        return new ParticipantOutcome(programs, scores.isEmpty() ? null : Q.mean(scores), perSub);
    }

    ParticipantOutcome participant(Participant p) {
        return participant(p, e -> true);
    }

    /** Ticked tasks per level (every PK level present) of one Part-1 form. */
    Map<String, Integer> ticksPerLevel(Set<String> ticks) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Catalog.PK_LEVELS.forEach(l -> counts.put(l, 0));
        ticks.forEach(t -> counts.merge(tasks.get(t).level(), 1, Integer::sum));
        return counts;
    }

    static boolean allPart1Submitted(Participant p) {
        return p.part1Ticks().keySet().containsAll(Source.PART1);
    }

    // ---------------------------------------------------------------- SPEC §4: the individual report

    ExpectedIndividual individual(Participant p) {
        List<Enrolment> eligible = p.eligibleEnrolments();
        ParticipantOutcome outcome = participant(p);
        long withResult = outcome.programs().stream().filter(ProgramOutcome::result).count();
        String status = eligible.isEmpty() ? "NOT_ELIGIBLE"
                : withResult == 0 ? "PENDING" : withResult == eligible.size() ? "FINAL" : "PARTIAL";

        List<ExpectedProgram> programs = new ArrayList<>();
        for (Enrolment e : p.enrolments()) {
            if (e.eligible()) {
                ProgramOutcome g = outcome.program(e.program());
                programs.add(new ExpectedProgram(e.program(), true, g.result(), g.missing()));
            } else {
                programs.add(new ExpectedProgram(e.program(), false, false, null));
            }
        }

        List<ExpectedSection> profile = new ArrayList<>();
        for (Catalog.Competency c : catalog.competencies()) {
            List<ExpectedRow> rows = new ArrayList<>();
            for (int s : c.subcompetencies()) {
                Q score = outcome.perSubcompetency().get(s);
                String name = catalog.subcompetencies().get(s).name();
                rows.add(score == null ? new ExpectedRow(s, name, false, NOT_RATED, "-", null)
                        : new ExpectedRow(s, name, true, catalog.definition(p.target(), s), band(score).category(), score.round(2)));
            }
            profile.add(new ExpectedSection(c.no(), c.name(), rows));
        }

        ExpectedConclusion conclusion = outcome.conclusion()
                ? new ExpectedConclusion(outcome.score().round(2), band(outcome.score()).predicate()) : null;
        return new ExpectedIndividual(status, programs, profile, conclusion, p.pak() ? null : activity(p));
    }

    /** §3.7: shown once all three Part-1 forms are submitted. */
    private ExpectedActivity activity(Participant p) {
        List<Source> missing = Source.PART1.stream().filter(s -> !p.part1Ticks().containsKey(s)).toList();
        if (!missing.isEmpty()) {
            return new ExpectedActivity(false, missing, Map.of(), false);
        }
        Map<String, Q> counts = new LinkedHashMap<>();
        Q total = Q.ZERO;
        for (String level : Catalog.PK_LEVELS) {
            long sum = 0;
            for (Source s : Source.PART1) {
                sum += ticksPerLevel(p.part1Ticks().get(s)).get(level);
            }
            Q count = Q.of(sum, Source.PART1.size());
            counts.put(level, count);
            total = total.plus(count);
        }
        Map<String, int[]> rows = new LinkedHashMap<>();
        for (String level : Catalog.PK_LEVELS) {
            Q count = counts.get(level);
            int percentage = total.num().signum() == 0 ? 0 : count.dividedBy(total).times(Q.of(100)).roundWhole();
            rows.put(level, new int[] {count.roundWhole(), percentage});
        }
        boolean ideal = total.num().signum() > 0 && counts.get(p.target()).dividedBy(total).compareTo(IDEAL_SHARE) >= 0;
        return new ExpectedActivity(true, List.of(), rows, ideal);
    }

    // ---------------------------------------------------------------- SPEC §4: the national report

    /** A participant in scope with the enrolments in scope (eligible or not) and the outcome over the eligible ones. */
    private record Scoped(Participant p, List<Enrolment> enrolments, ParticipantOutcome outcome) {
    }

    /** Every table of the national report for this scope, by id, in the order of the report. */
    Map<String, ExpectedTable> national(Scope scope) {
        List<Scoped> scoped = new ArrayList<>();
        for (Participant p : data.participants()) {
            if (!scope.covers(p)) {
                continue;
            }
            List<Enrolment> enrolments = p.enrolments().stream().filter(scope::covers).toList();
            if (!enrolments.isEmpty()) {
                scoped.add(new Scoped(p, enrolments, participant(p, scope::covers)));
            }
        }
        List<Scoped> pk = scoped.stream().filter(s -> !s.p().pak()).toList();
        List<Scoped> pak = scoped.stream().filter(s -> s.p().pak()).toList();

        Map<String, ExpectedTable> tables = new LinkedHashMap<>();
        tables.put("3.1", programs("3.1", pk));
        tables.put("3.2", levels(pk));
        tables.put("3.3", programLevelCounts(pk));
        tables.put("3.4", programLevelMeans(pk));
        tables.put("3.5", predicates("3.5", pk));
        tables.put("3.6", predicatesByLevel(pk));
        tables.put("3.7", predicatesByProvince("3.7", pk));
        tables.put("3.8", mapping(pk));
        tables.put("3.9", mappingByLevel(pk));
        tables.put("3.10", programs("3.10", pak));
        tables.put("3.11", predicates("3.11", pak));
        tables.put("3.12", predicatesByProvince("3.12", pak));
        tables.put("G3.1", pakProfile(pak));
        return tables;
    }

    /** The programs with ≥1 enrolment in scope, by code. */
    private static List<String> programsOf(List<Scoped> scoped) {
        Set<String> codes = new TreeSet<>();
        scoped.forEach(s -> s.enrolments().forEach(e -> codes.add(e.program())));
        return List.copyOf(codes);
    }

    /** Tabel 3.1 / 3.10: enrolled (eligible or not), eligible, with a result. */
    private ExpectedTable programs(String id, List<Scoped> scoped) {
        List<List<Object>> rows = new ArrayList<>();
        int[] sums = new int[3];
        int no = 0;
        for (String code : programsOf(scoped)) {
            int enrolled = 0, eligible = 0, withResult = 0;
            for (Scoped s : scoped) {
                for (Enrolment e : s.enrolments()) {
                    if (e.program().equals(code)) {
                        enrolled++;
                        if (e.eligible()) {
                            eligible++;
                            if (s.outcome().result(code)) {
                                withResult++;
                            }
                        }
                    }
                }
            }
            rows.add(row(++no, code, title(code), enrolled, eligible, withResult));
            sums[0] += enrolled;
            sums[1] += eligible;
            sums[2] += withResult;
        }
        return new ExpectedTable(id, List.of("no", "program", "title", "enrolled", "eligible", "withResult"), rows,
                row(null, TOTAL, null, sums[0], sums[1], sums[2]));
    }

    /** Tabel 3.2: PK participants with a conclusion per level. */
    private ExpectedTable levels(List<Scoped> pk) {
        List<List<Object>> rows = new ArrayList<>();
        int total = 0;
        for (String level : Catalog.PK_LEVELS) {
            int n = (int) pk.stream().filter(s -> s.p().target().equals(level) && s.outcome().conclusion()).count();
            rows.add(row(catalog.levelLabel(level), n));
            total += n;
        }
        return new ExpectedTable("3.2", List.of("level", "count"), rows, row(TOTAL, total));
    }

    /** Tabel 3.3: participants at a level with a result in a program. */
    private ExpectedTable programLevelCounts(List<Scoped> pk) {
        List<List<Object>> rows = new ArrayList<>();
        int[] sums = new int[5];
        int no = 0;
        for (String code : programsOf(pk)) {
            List<Object> row = row(++no, code, title(code));
            int total = 0;
            for (int l = 0; l < 4; l++) {
                String level = Catalog.PK_LEVELS.get(l);
                int n = (int) pk.stream().filter(s -> s.p().target().equals(level) && s.outcome().result(code)).count();
                row.add(n);
                sums[l] += n;
                total += n;
            }
            row.add(total);
            sums[4] += total;
            rows.add(row);
        }
        List<Object> totalRow = row(null, TOTAL, null);
        Arrays.stream(sums).forEach(totalRow::add);
        return new ExpectedTable("3.3", List.of("no", "program", "title", "AHLI_PERTAMA", "AHLI_MUDA", "AHLI_MADYA", "AHLI_UTAMA",
                "total"), rows, totalRow);
    }

    /** Tabel 3.4: mean score(p,g) of the participants at a level with a result in a program, 2 decimals; null: none. */
    private ExpectedTable programLevelMeans(List<Scoped> pk) {
        List<List<Object>> rows = new ArrayList<>();
        int no = 0;
        for (String code : programsOf(pk)) {
            List<Object> row = row(++no, code, title(code));
            for (String level : Catalog.PK_LEVELS) {
                List<Q> scores = pk.stream().filter(s -> s.p().target().equals(level) && s.outcome().result(code))
                        .map(s -> s.outcome().program(code).score()).toList();
                row.add(scores.isEmpty() ? null : Q.mean(scores).round(2));
            }
            rows.add(row);
        }
        return new ExpectedTable("3.4", List.of("no", "program", "title", "AHLI_PERTAMA", "AHLI_MUDA", "AHLI_MADYA", "AHLI_UTAMA"),
                rows, null);
    }

    /** Tabel 3.5 / 3.11: participants with a conclusion per predikat, and their whole percentage. */
    private ExpectedTable predicates(String id, List<Scoped> scoped) {
        List<Scoped> concluded = scoped.stream().filter(s -> s.outcome().conclusion()).toList();
        int n = concluded.size();
        List<List<Object>> rows = new ArrayList<>();
        for (Band b : BANDS) {
            int count = (int) concluded.stream().filter(s -> band(s.outcome().score()) == b).count();
            rows.add(row(b.predicate(), count, n == 0 ? null : Q.of(count * 100L, n).roundWhole()));
        }
        return new ExpectedTable(id, List.of("predicate", "count", "percentage"), rows, row(TOTAL, n, n == 0 ? null : 100));
    }

    /** Tabel 3.6: predikat × level. */
    private ExpectedTable predicatesByLevel(List<Scoped> pk) {
        List<List<Object>> rows = new ArrayList<>();
        int[] sums = new int[BANDS.size() + 1];
        for (String level : Catalog.PK_LEVELS) {
            List<Object> row = row(catalog.levelLabel(level));
            addPredicateCounts(row, pk.stream().filter(s -> s.p().target().equals(level)).toList(), sums);
            rows.add(row);
        }
        List<Object> total = row(TOTAL);
        Arrays.stream(sums).forEach(total::add);
        return new ExpectedTable("3.6", List.of("level", "ST", "T", "S", "R", "SR", "total"), rows, total);
    }

    /** Tabel 3.7 / 3.12: predikat × province, provinces with a conclusion only, west to east. */
    private ExpectedTable predicatesByProvince(String id, List<Scoped> scoped) {
        List<List<Object>> rows = new ArrayList<>();
        int[] sums = new int[BANDS.size() + 1];
        int no = 0;
        for (String province : Provinces.officialNames()) {
            List<Scoped> here = scoped.stream().filter(s -> s.p().province().equals(province) && s.outcome().conclusion()).toList();
            if (here.isEmpty()) {
                continue;
            }
            List<Object> row = row(++no, province);
            addPredicateCounts(row, here, sums);
            rows.add(row);
        }
        List<Object> total = row(null, TOTAL);
        Arrays.stream(sums).forEach(total::add);
        return new ExpectedTable(id, List.of("no", "province", "ST", "T", "S", "R", "SR", "total"), rows, total);
    }

    private static void addPredicateCounts(List<Object> row, List<Scoped> scoped, int[] sums) {
        int total = 0;
        for (int i = 0; i < BANDS.size(); i++) {
            Band b = BANDS.get(i);
            int n = (int) scoped.stream().filter(s -> s.outcome().conclusion() && band(s.outcome().score()) == b).count();
            row.add(n);
            sums[i] += n;
            total += n;
        }
        row.add(total);
        sums[BANDS.size()] += total;
    }

    /** SPEC §4: PK participants with a conclusion and all three Part-1 forms submitted. */
    private static List<Participant> mapped(List<Scoped> pk, String level) {
        return pk.stream().filter(s -> s.p().target().equals(level) && s.outcome().conclusion() && allPart1Submitted(s.p()))
                .map(Scoped::p).toList();
    }

    /** Tabel 3.8[s][R]: mean over the three Part-1 sources of the mapped participants at R with ≥1 tick on s, whole. */
    private int mappingValue(List<Participant> mapped, int s) {
        long sum = 0;
        for (Source source : Source.PART1) {
            sum += mapped.stream().filter(p -> p.part1Ticks().get(source).stream().anyMatch(t -> tasks.get(t).subcompetency() == s))
                    .count();
        }
        return Q.of(sum, Source.PART1.size()).roundWhole();
    }

    private ExpectedTable mapping(List<Scoped> pk) {
        List<List<Object>> rows = new ArrayList<>();
        for (int s : catalog.subcompetencies().keySet()) {
            List<Object> row = row(s, catalog.subcompetencies().get(s).name());
            for (String level : Catalog.PK_LEVELS) {
                row.add(mappingValue(mapped(pk, level), s));
            }
            rows.add(row);
        }
        return new ExpectedTable("3.8", List.of("no", "subcompetency", "AHLI_PERTAMA", "AHLI_MUDA", "AHLI_MADYA", "AHLI_UTAMA"),
                rows, null);
    }

    /**
     * Tabel 3.9[s][R][L]: ticks on tasks of (s, L) ÷ all ticks on tasks of s over the Part-1 forms of the mapped
     * participants at R, whole percentage; null where the catalog has no task of (s, L). Rows s-major.
     */
    private ExpectedTable mappingByLevel(List<Scoped> pk) {
        List<List<Object>> rows = new ArrayList<>();
        int rowNo = 0;
        for (int s : catalog.subcompetencies().keySet()) {
            for (String respondentLevel : Catalog.PK_LEVELS) {
                List<Participant> mapped = mapped(pk, respondentLevel);
                Map<String, Integer> ticks = new HashMap<>();
                int all = 0;
                for (Participant p : mapped) {
                    for (Source source : Source.PART1) {
                        for (String t : p.part1Ticks().get(source)) {
                            Catalog.Task task = tasks.get(t);
                            if (task.subcompetency() == s) {
                                ticks.merge(task.level(), 1, Integer::sum);
                                all++;
                            }
                        }
                    }
                }
                rowNo++;
                List<Object> row = row(new AnyOf(List.of(s, rowNo)), catalog.subcompetencies().get(s).name(),
                        catalog.levelLabel(respondentLevel), mappingValue(mapped, s));
                for (String level : Catalog.PK_LEVELS) {
                    boolean hasTasks = catalog.tasks().stream().anyMatch(t -> t.subcompetency() == s && t.level().equals(level));
                    row.add(!hasTasks ? null : all == 0 ? 0 : Q.of(ticks.getOrDefault(level, 0) * 100L, all).roundWhole());
                }
                rows.add(row);
            }
        }
        return new ExpectedTable("3.9", List.of("no", "subcompetency", "level", "count", "AHLI_PERTAMA", "AHLI_MUDA", "AHLI_MADYA",
                "AHLI_UTAMA"), rows, null);
    }

    /** Gambar 3.1: the category of the national mean of score(p,s) of the PAK participants with a conclusion. */
    private ExpectedTable pakProfile(List<Scoped> pak) {
        List<Scoped> concluded = pak.stream().filter(s -> s.outcome().conclusion()).toList();
        List<List<Object>> rows = new ArrayList<>();
        for (int s : catalog.subcompetencies().keySet()) {
            List<Q> scores = concluded.stream().map(c -> c.outcome().perSubcompetency().get(s)).filter(v -> v != null).toList();
            // the names as such, or numbered like the 2025 report's Gambar 3.1 ("2. Analisis Jabatan")
            Catalog.Competency c = catalog.competencyOf(s);
            Object competency = new AnyOf(List.of(c.name(), c.no() + ". " + c.name()));
            String subName = catalog.subcompetencies().get(s).name();
            Object name = new AnyOf(List.of(subName, s + ". " + subName));
            if (scores.isEmpty()) {
                rows.add(row(competency, name, NOT_RATED, "-", null));
            } else {
                Q mean = Q.mean(scores);
                rows.add(row(competency, name, catalog.definition(Catalog.PAK, s), band(mean).category(), mean.round(2)));
            }
        }
        List<Object> total;
        if (concluded.isEmpty()) {
            total = row("KESIMPULAN", null, null, new AnyOf(Arrays.asList(null, "-")), null);
        } else {
            Q mean = Q.mean(concluded.stream().map(c -> c.outcome().score()).toList());
            total = row("KESIMPULAN", null, null, band(mean).predicate(), mean.round(2));
        }
        return new ExpectedTable("G3.1", List.of("competency", "subcompetency", "explanation", "category", "mean"), rows, total);
    }

    private String title(String program) {
        return catalog.programs().get(program).title();
    }

    private static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }
}
