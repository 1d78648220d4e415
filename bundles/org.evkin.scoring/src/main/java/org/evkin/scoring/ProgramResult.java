package org.evkin.scoring;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** score(p,g,s) for each rated subkompetensi with a defined value, score(p,g), and whether it is a result (SPEC §3.4). */
public record ProgramResult(String program, boolean complete, Map<Integer, Score> subcompetencyScores, Optional<Score> score,
        List<RaterSource> missingSources) {

    /** missingSources: the sources whose form is not submitted (kept in enum order); complete must equal missingSources.isEmpty(). */
    public ProgramResult {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(score, "score");
        subcompetencyScores = Collections.unmodifiableMap(new TreeMap<>(subcompetencyScores));
        EnumSet<RaterSource> missing = EnumSet.noneOf(RaterSource.class);
        missing.addAll(missingSources);
        missingSources = List.copyOf(missing);
        if (complete != missingSources.isEmpty()) {
            throw new IllegalArgumentException(program + ": complete is " + complete + " but the missing sources are " + missingSources);
        }
    }

    /**
     * For callers that do not know which forms are missing: complete → none missing; not complete → every source is
     * reported as missing.
     */
    public ProgramResult(String program, boolean complete, Map<Integer, Score> subcompetencyScores, Optional<Score> score) {
        this(program, complete, subcompetencyScores, score, complete ? List.of() : Arrays.asList(RaterSource.values()));
    }

    /** A program result exists when all four forms are submitted and score(p,g) is defined (SPEC §3.4). */
    public boolean hasResult() {
        return complete && score.isPresent();
    }
}
