package org.evkin.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The Part-1 activity profile of a PK participant (SPEC §3.7), over levels identified by key (e.g. "AHLI_PERTAMA"). */
public record ActivityProfile(List<String> levels, String ownLevel, Map<String, Score> counts, Score total,
        Map<String, Integer> roundedCounts, Map<String, Integer> percentages, boolean ideal, boolean shown) {

    private static final Score HUNDRED = Score.of(100);

    /** Copies the lists and maps; the maps keep the order of levels. */
    public ActivityProfile {
        levels = List.copyOf(levels);
        Objects.requireNonNull(ownLevel, "ownLevel");
        Objects.requireNonNull(total, "total");
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        roundedCounts = Collections.unmodifiableMap(new LinkedHashMap<>(roundedCounts));
        percentages = Collections.unmodifiableMap(new LinkedHashMap<>(percentages));
    }

    /**
     * Computes the profile. counts(level) = mean over the submitted Part-1 forms of the number of ticked tasks of that
     * level (a level absent from a form's map counts 0; with no form every count is 0); roundedCounts are whole
     * numbers half-up; percentages = count/total·100 from the unrounded counts, whole half-up (0 when total is 0);
     * ideal = total &gt; 0 and count(own)/total ≥ threshold, exact; shown = submitted forms ≥ requiredForms.
     * Throws IllegalArgumentException on an empty or repeated level, an own level not among levels, a form that
     * names an unknown level or a negative or missing count, a negative requiredForms, or a threshold outside (0, 1].
     */
    public static ActivityProfile of(List<String> levels, String ownLevel, List<Map<String, Integer>> ticksPerSubmittedForm,
            int requiredForms, BigDecimal threshold) {
        if (levels == null || levels.isEmpty()) {
            throw new IllegalArgumentException("levels: at least one level is needed");
        }
        Set<String> known = new HashSet<>();
        for (String level : levels) {
            if (level == null || !known.add(level)) {
                throw new IllegalArgumentException("levels: " + level + " is missing or listed twice in " + levels);
            }
        }
        if (!known.contains(ownLevel)) {
            throw new IllegalArgumentException("own level " + ownLevel + " is not one of " + levels);
        }
        if (requiredForms < 0) {
            throw new IllegalArgumentException("requiredForms cannot be negative: " + requiredForms);
        }
        if (threshold == null || threshold.signum() <= 0 || threshold.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("threshold is " + (threshold == null ? "missing" : threshold.toPlainString())
                    + "; it must be greater than 0 and at most 1");
        }
        Objects.requireNonNull(ticksPerSubmittedForm, "ticksPerSubmittedForm");
        Map<String, Long> sums = new LinkedHashMap<>();
        levels.forEach(level -> sums.put(level, 0L));
        for (int i = 0; i < ticksPerSubmittedForm.size(); i++) {
            Map<String, Integer> form = ticksPerSubmittedForm.get(i);
            if (form == null) {
                throw new IllegalArgumentException("form " + (i + 1) + " is missing (null)");
            }
            for (Map.Entry<String, Integer> e : form.entrySet()) {
                if (!known.contains(e.getKey())) {
                    throw new IllegalArgumentException("form " + (i + 1) + ": level " + e.getKey() + " is not one of " + levels);
                }
                if (e.getValue() == null || e.getValue() < 0) {
                    throw new IllegalArgumentException("form " + (i + 1) + ": the count of " + e.getKey()
                            + " must be a number ≥ 0, not " + e.getValue());
                }
                sums.merge(e.getKey(), (long) e.getValue(), Long::sum);
            }
        }
        int forms = ticksPerSubmittedForm.size();
        Map<String, Score> counts = new LinkedHashMap<>();
        Score total = Score.ZERO;
        for (String level : levels) {
            Score count = forms == 0 ? Score.ZERO : Score.of(sums.get(level), forms);
            counts.put(level, count);
            total = total.plus(count);
        }
        Map<String, Integer> rounded = new LinkedHashMap<>();
        Map<String, Integer> percentages = new LinkedHashMap<>();
        for (String level : levels) {
            Score count = counts.get(level);
            rounded.put(level, count.roundWhole());
            percentages.put(level, total.signum() == 0 ? 0 : count.dividedBy(total).times(HUNDRED).roundWhole());
        }
        boolean ideal = total.signum() > 0
                && counts.get(ownLevel).dividedBy(total).compareTo(Score.of(threshold)) >= 0;
        boolean shown = forms >= requiredForms;
        return new ActivityProfile(new ArrayList<>(levels), ownLevel, counts, total, rounded, percentages, ideal, shown);
    }

    /** The share of the own level, count(own)/total, exact; zero when nothing was ticked. */
    public Score ownShare() {
        return total.signum() == 0 ? Score.ZERO : counts.get(ownLevel).dividedBy(total);
    }
}
