package org.evkin.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of the scoring rules over generated forms, programs and numbers (jqwik). */
class ScoringPropertiesTest {

    /** The answers of one (participant, program): per source, per rated subkompetensi, the answers (null = NA). */
    record Case(String program, List<Integer> battery, Map<RaterSource, Map<Integer, List<Integer>>> answers,
            Set<RaterSource> submitted) {

        ProgramInput input() {
            Map<RaterSource, RaterInput> raters = new EnumMap<>(RaterSource.class);
            answers.forEach((r, perS) -> {
                Map<Integer, Tally> tallies = new TreeMap<>();
                perS.forEach((s, values) -> tallies.put(s, values.stream().reduce(Tally.EMPTY, Tally::plus, Tally::plus)));
                raters.put(r, new RaterInput(submitted.contains(r), tallies));
            });
            return new ProgramInput(program, battery, raters);
        }

        /** Every (source, subkompetensi, index) whose answer is 1–3. */
        List<int[]> raisable() {
            List<int[]> out = new ArrayList<>();
            for (RaterSource r : RaterSource.values()) {
                answers.getOrDefault(r, Map.of()).forEach((s, values) -> {
                    for (int i = 0; i < values.size(); i++) {
                        if (values.get(i) != null && values.get(i) < 4) {
                            out.add(new int[] {r.ordinal(), s, i});
                        }
                    }
                });
            }
            return out;
        }

        /** A copy with the answer at (source, s, index) raised by one. */
        Case raised(int[] at) {
            Map<RaterSource, Map<Integer, List<Integer>>> copy = new EnumMap<>(RaterSource.class);
            answers.forEach((r, perS) -> {
                Map<Integer, List<Integer>> m = new TreeMap<>();
                perS.forEach((s, values) -> m.put(s, new ArrayList<>(values)));
                copy.put(r, m);
            });
            List<Integer> values = copy.get(RaterSource.values()[at[0]]).get(at[1]);
            values.set(at[2], values.get(at[2]) + 1);
            return new Case(program, battery, copy, submitted);
        }

        /** The same forms, with the answers, the battery and the sources in another order. */
        Case shuffled(Random random) {
            List<Integer> b = new ArrayList<>(battery);
            Collections.shuffle(b, random);
            List<RaterSource> sources = new ArrayList<>(answers.keySet());
            Collections.shuffle(sources, random);
            Map<RaterSource, Map<Integer, List<Integer>>> copy = new LinkedHashMap<>();
            for (RaterSource r : sources) {
                List<Integer> keys = new ArrayList<>(answers.get(r).keySet());
                Collections.shuffle(keys, random);
                Map<Integer, List<Integer>> m = new LinkedHashMap<>();
                for (Integer s : keys) {
                    List<Integer> values = new ArrayList<>(answers.get(r).get(s));
                    Collections.shuffle(values, random);
                    m.put(s, values);
                }
                copy.put(r, m);
            }
            return new Case(program, b, copy, submitted);
        }
    }

    // ---- generators ----

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.strings().alpha().ofLength(6).flatMap(program -> cases(program));
    }

    private Arbitrary<Case> cases(String program) {
        Arbitrary<List<Integer>> battery = Arbitraries.integers().between(1, 15).set().ofMinSize(1).ofMaxSize(5).map(ArrayList::new);
        Arbitrary<List<Integer>> answersOfOneS = Arbitraries.integers().between(1, 4).injectNull(0.2).list().ofMaxSize(4);
        Arbitrary<Set<RaterSource>> submitted = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(EnumSet.allOf(RaterSource.class))),
                Tuple.of(1, Arbitraries.of(RaterSource.class).set()));
        Arbitrary<Set<RaterSource>> present = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(EnumSet.allOf(RaterSource.class))),
                Tuple.of(1, Arbitraries.of(RaterSource.class).set()));
        return battery.flatMap(b -> Combinators.combine(
                answersOfOneS.list().ofSize(4 * (b.size() + 1)), submitted, present).as((lists, sub, pres) -> {
                    Map<RaterSource, Map<Integer, List<Integer>>> answers = new EnumMap<>(RaterSource.class);
                    int k = 0;
                    for (RaterSource r : RaterSource.values()) {
                        Map<Integer, List<Integer>> perS = new TreeMap<>();
                        for (Integer s : b) {
                            perS.put(s, lists.get(k++));
                        }
                        perS.put(16, lists.get(k++)); // a subkompetensi that is not rated: must be ignored
                        if (pres.contains(r)) {
                            answers.put(r, perS);
                        }
                    }
                    return new Case(program, b, answers, sub);
                }));
    }

    @Provide
    Arbitrary<List<Case>> participants() {
        return Arbitraries.integers().between(1, 4).flatMap(n -> {
            List<Arbitrary<Case>> programs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                programs.add(cases("G" + i));
            }
            return Combinators.combine(programs).as(ArrayList::new);
        });
    }

    @Provide
    Arbitrary<ScoringRules> rules() {
        Arbitrary<BigDecimal> weight = Arbitraries.integers().between(0, 30).map(i -> BigDecimal.valueOf(i, 1));
        return weight.list().ofSize(4).filter(w -> w.stream().anyMatch(x -> x.signum() > 0)).map(w -> {
            Map<RaterSource, BigDecimal> m = new EnumMap<>(RaterSource.class);
            for (RaterSource r : RaterSource.values()) {
                m.put(r, w.get(r.ordinal()));
            }
            return ScoringRules.DEFAULT.withWeights(m);
        });
    }

    @Provide
    Arbitrary<List<Map<String, Integer>>> forms() {
        Arbitrary<Map<String, Integer>> form = Arbitraries.integers().between(0, 12).list().ofSize(4).map(c -> {
            Map<String, Integer> m = new LinkedHashMap<>();
            for (int i = 0; i < 4; i++) {
                m.put(ActivityProfileTest.LEVELS.get(i), c.get(i));
            }
            return m;
        });
        return form.list().ofMinSize(0).ofMaxSize(3);
    }

    @Provide
    Arbitrary<BigDecimal> decimals() {
        return Combinators.combine(Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L), Arbitraries.integers().between(-3, 12))
                .as((unscaled, scale) -> new BigDecimal(BigInteger.valueOf(unscaled), scale));
    }

    @Provide
    Arbitrary<Score> scoresAroundTheScale() {
        return Combinators.combine(Arbitraries.longs().between(0, 5_000_000), Arbitraries.longs().between(1, 1_000_000))
                .as((n, d) -> Score.of(n * d / 1_000_000 + n % 7, d));
    }

    @Provide
    Arbitrary<Bands> bands() {
        Arbitrary<BigDecimal> min = Arbitraries.integers().between(101, 400).map(i -> BigDecimal.valueOf(i, 2));
        Arbitrary<BigDecimal> lowest = Arbitraries.integers().between(0, 100).map(i -> BigDecimal.valueOf(i, 2));
        return Combinators.combine(min.set().ofMaxSize(6), lowest).as((mins, low) -> {
            List<Band> list = new ArrayList<>();
            list.add(new Band(low, "C" + low, "P" + low));
            mins.forEach(m -> list.add(new Band(m, "C" + m, "P" + m)));
            Collections.shuffle(list, new Random(mins.hashCode()));
            return Bands.of(list);
        });
    }

    // ---- order does not matter ----

    @Property
    void reorderingRatersAndAnswersChangesNothing(@ForAll("cases") Case c, @ForAll("rules") ScoringRules rules, @ForAll Random random) {
        assertEquals(Scoring.program(c.input(), rules), Scoring.program(c.shuffled(random).input(), rules));
    }

    @Property
    void reorderingProgramsChangesNothing(@ForAll("participants") List<Case> programs, @ForAll Random random) {
        List<ProgramResult> results = programs.stream().map(c -> Scoring.program(c.input(), ScoringRules.DEFAULT)).toList();
        List<ProgramResult> shuffled = new ArrayList<>(results);
        Collections.shuffle(shuffled, random);
        ParticipantResult a = Scoring.participant(results);
        ParticipantResult b = Scoring.participant(shuffled);
        assertEquals(a.score(), b.score());
        assertEquals(a.subcompetencyScores(), b.subcompetencyScores());
        assertEquals(new HashSet<>(a.programsWithResult()), new HashSet<>(b.programsWithResult()));
    }

    @Property
    void reorderingPartOneFormsChangesNothing(@ForAll("forms") List<Map<String, Integer>> forms, @ForAll Random random,
            @ForAll @IntRange(min = 0, max = 3) int own) {
        List<Map<String, Integer>> shuffled = new ArrayList<>(forms);
        Collections.shuffle(shuffled, random);
        String level = ActivityProfileTest.LEVELS.get(own);
        assertEquals(ActivityProfile.of(ActivityProfileTest.LEVELS, level, forms, 3, ActivityProfileTest.T),
                ActivityProfile.of(ActivityProfileTest.LEVELS, level, shuffled, 3, ActivityProfileTest.T));
    }

    // ---- monotone ----

    @Property
    void raisingOneAnswerNeverLowersAScore(@ForAll("cases") Case c, @ForAll("rules") ScoringRules rules, @ForAll int pick) {
        List<int[]> raisable = c.raisable();
        Assume.that(!raisable.isEmpty());
        Case higher = c.raised(raisable.get(Math.floorMod(pick, raisable.size())));
        ProgramResult before = Scoring.program(c.input(), rules);
        ProgramResult after = Scoring.program(higher.input(), rules);
        assertEquals(before.subcompetencyScores().keySet(), after.subcompetencyScores().keySet());
        before.subcompetencyScores().forEach((s, v) -> assertTrue(after.subcompetencyScores().get(s).compareTo(v) >= 0,
                () -> "score(p,g," + s + ") went down"));
        assertEquals(before.score().isPresent(), after.score().isPresent());
        before.score().ifPresent(v -> assertTrue(after.score().get().compareTo(v) >= 0, "score(p,g) went down"));
        assertEquals(before.hasResult(), after.hasResult());
    }

    @Property
    void raisingOneAnswerNeverLowersTheParticipantScore(@ForAll("participants") List<Case> programs, @ForAll int which,
            @ForAll int pick) {
        int g = Math.floorMod(which, programs.size());
        List<int[]> raisable = programs.get(g).raisable();
        Assume.that(!raisable.isEmpty());
        List<Case> higher = new ArrayList<>(programs);
        higher.set(g, programs.get(g).raised(raisable.get(Math.floorMod(pick, raisable.size()))));
        ParticipantResult before = participant(programs);
        ParticipantResult after = participant(higher);
        assertEquals(before.programsWithResult(), after.programsWithResult());
        before.score().ifPresent(v -> assertTrue(after.score().get().compareTo(v) >= 0, "score(p) went down"));
        before.subcompetencyScores().forEach((s, v) -> assertTrue(after.subcompetencyScores().get(s).compareTo(v) >= 0,
                () -> "score(p," + s + ") went down"));
    }

    // ---- range ----

    @Property
    void everyScoreLiesWithinOneToFour(@ForAll("participants") List<Case> programs, @ForAll("rules") ScoringRules rules) {
        List<Score> all = new ArrayList<>();
        List<ProgramResult> results = new ArrayList<>();
        for (Case c : programs) {
            ProgramResult r = Scoring.program(c.input(), rules);
            results.add(r);
            all.addAll(r.subcompetencyScores().values());
            r.score().ifPresent(all::add);
            c.input().raters().values().forEach(f -> f.tallies().values().forEach(t -> t.mean().ifPresent(all::add)));
        }
        ParticipantResult p = Scoring.participant(results);
        all.addAll(p.subcompetencyScores().values());
        p.score().ifPresent(all::add);
        for (Score s : all) {
            assertTrue(s.compareTo(Score.ONE) >= 0 && s.compareTo(Score.of(4)) <= 0, () -> s + " is outside [1, 4]");
        }
    }

    @Property
    void percentagesAndCountsAreSane(@ForAll("forms") List<Map<String, Integer>> forms) {
        ActivityProfile p = ActivityProfile.of(ActivityProfileTest.LEVELS, "AHLI_MUDA", forms, 3, ActivityProfileTest.T);
        int sum = p.percentages().values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(p.total().signum() == 0 ? sum == 0 : sum >= 98 && sum <= 102, () -> "percentages sum to " + sum);
        assertEquals(p.ownShare().compareTo(Score.of(ActivityProfileTest.T)) >= 0 && p.total().signum() > 0, p.ideal());
        assertEquals(forms.size() >= 3, p.shown());
    }

    // ---- bands ----

    @Property
    void lookupIsMonotone(@ForAll("scoresAroundTheScale") Score a, @ForAll("scoresAroundTheScale") Score b, @ForAll("bands") Bands bands) {
        Score low = a.compareTo(b) <= 0 ? a : b;
        Score high = a.compareTo(b) <= 0 ? b : a;
        assertTrue(bands.lookup(low).min().compareTo(bands.lookup(high).min()) <= 0);
        assertTrue(Bands.DEFAULT.lookup(low).min().compareTo(Bands.DEFAULT.lookup(high).min()) <= 0);
    }

    @Property
    void lookupTakesTheGreatestMinAtMostTheRoundedScore(@ForAll("scoresAroundTheScale") Score s, @ForAll("bands") Bands bands) {
        BigDecimal rounded = s.roundHalfUp(2);
        Band band = bands.lookup(s);
        for (Band other : bands.list()) {
            if (other.min().compareTo(rounded) <= 0) {
                assertTrue(band.min().compareTo(other.min()) >= 0);
            }
        }
        if (band.min().compareTo(rounded) > 0) {
            assertEquals(bands.list().get(bands.list().size() - 1), band);
        }
    }

    // ---- Score agrees with BigDecimal ----

    @Property
    void arithmeticAgreesWithBigDecimal(@ForAll("decimals") BigDecimal a, @ForAll("decimals") BigDecimal b) {
        Score x = Score.of(a);
        Score y = Score.of(b);
        assertEquals(Score.of(a.add(b)), x.plus(y));
        assertEquals(Score.of(a.subtract(b)), x.minus(y));
        assertEquals(Score.of(a.multiply(b)), x.times(y));
        assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(x.compareTo(y)));
        assertEquals(a.compareTo(b) == 0, x.equals(y));
        if (b.signum() != 0) {
            Score q = x.dividedBy(y);
            assertEquals(a.divide(b, 60, RoundingMode.HALF_UP), q.roundHalfUp(60));
            assertEquals(x, q.times(y));
        }
    }

    @Property
    void roundingAgreesWithBigDecimal(@ForAll("decimals") BigDecimal a, @ForAll @IntRange(min = 0, max = 8) int scale) {
        assertEquals(a.setScale(scale, RoundingMode.HALF_UP), Score.of(a).roundHalfUp(scale));
    }

    @Property
    void meanAgreesWithBigDecimal(@ForAll @Size(min = 1, max = 8) List<@IntRange(min = -1000000, max = 1000000) Integer> thousandths) {
        List<Score> scores = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int t : thousandths) {
            BigDecimal d = BigDecimal.valueOf(t, 3);
            scores.add(Score.of(d));
            sum = sum.add(d);
        }
        assertEquals(sum.divide(BigDecimal.valueOf(thousandths.size()), 50, RoundingMode.HALF_UP), Score.mean(scores).roundHalfUp(50));
    }

    @Property
    void alwaysNormalized(@ForAll long n, @ForAll long d) {
        Assume.that(d != 0);
        Score s = Score.of(n, d);
        assertTrue(s.denominator().signum() > 0);
        assertEquals(BigInteger.ONE, s.numerator().signum() == 0 ? s.denominator() : s.numerator().gcd(s.denominator()));
        assertEquals(0, new BigDecimal(s.numerator()).multiply(BigDecimal.valueOf(d)).compareTo(BigDecimal.valueOf(n).multiply(new BigDecimal(s.denominator()))));
    }

    private static ParticipantResult participant(List<Case> programs) {
        return Scoring.participant(programs.stream().map(c -> Scoring.program(c.input(), ScoringRules.DEFAULT)).toList());
    }
}
