package org.evkin.exchange;

import java.util.Objects;
import java.util.Set;
import org.evkin.model.Target;

/**
 * A participant already imported, as the responses import needs it.
 *
 * @param id       the caller's stable id; rows naming the same person by NIP and by e-mail are grouped by it
 * @param target   the participant's PK level, or {@link Target#PAK}
 * @param programs the codes of the programs the participant is enrolled in (upper case)
 */
public record KnownParticipant(String id, Target target, Set<String> programs) {

    public KnownParticipant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(target, "target");
        programs = Set.copyOf(programs);
    }
}
