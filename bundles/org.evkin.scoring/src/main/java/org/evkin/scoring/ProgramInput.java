package org.evkin.scoring;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** What scoring a (participant, program) needs: the rated subkompetensi (the battery at the participant's level) and the forms by source (missing = not started). */
public record ProgramInput(String program, List<Integer> ratedSubcompetencies, Map<RaterSource, RaterInput> raters) {

    /** Copies; a subkompetensi listed twice is rejected (it would count twice in score(p,g)). */
    public ProgramInput {
        Objects.requireNonNull(program, "program");
        ratedSubcompetencies = List.copyOf(ratedSubcompetencies);
        Set<Integer> seen = new HashSet<>();
        for (Integer s : ratedSubcompetencies) {
            if (!seen.add(s)) {
                throw new IllegalArgumentException(program + ": subkompetensi " + s + " is listed twice among the rated subkompetensi");
            }
        }
        EnumMap<RaterSource, RaterInput> copy = new EnumMap<>(RaterSource.class);
        raters.forEach((r, in) -> copy.put(Objects.requireNonNull(r, "rater source"), Objects.requireNonNull(in, "form of " + r)));
        raters = Collections.unmodifiableMap(copy);
    }
}
