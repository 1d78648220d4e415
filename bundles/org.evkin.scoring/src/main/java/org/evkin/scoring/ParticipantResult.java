package org.evkin.scoring;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** A participant's combined result over the programs with a result (SPEC §3.5). */
public record ParticipantResult(List<String> programsWithResult, Map<Integer, Score> subcompetencyScores, Optional<Score> score) {

    public ParticipantResult {
        programsWithResult = List.copyOf(programsWithResult);
        subcompetencyScores = Collections.unmodifiableMap(new TreeMap<>(subcompetencyScores));
        Objects.requireNonNull(score, "score");
    }

    /** There is a conclusion (predikat) when at least one program has a result. */
    public boolean hasConclusion() {
        return score.isPresent();
    }
}
