package org.evkin.exchange;

import java.util.Optional;
import java.util.Set;
import org.evkin.model.Target;

/**
 * What the imports need to know about programs, instruments and the Part-1 task catalog; the caller implements it
 * (e.g. over the deployed instruments and the competency model). Codes are passed upper case and trimmed.
 */
public interface ProgramCatalog {

    /** The category a program evaluates (its target kind), or empty when no program has this code. */
    Optional<Category> programCategory(String programCode);

    /**
     * The Part-2 item codes of the program's instrument version that the import is checked against (normally the
     * current one) at one target: a PK level, or {@link Target#PAK}. Empty when its battery has nothing there.
     */
    Set<String> itemCodes(String programCode, Target target);

    /**
     * Whether the program's battery has anything to rate at this target (a PK level, or {@link Target#PAK}); SPEC 2:
     * an enrolment whose battery has nothing at the participant's level is rejected. By default: it has items there.
     */
    default boolean hasBatteryAt(String programCode, Target target) {
        return !itemCodes(programCode, target).isEmpty();
    }

    /** The target whose items contain this code in the program's instrument version, or empty when none does. */
    default Optional<Target> itemTarget(String programCode, String itemCode) {
        for (Target t : Target.values()) {
            if (itemCodes(programCode, t).contains(itemCode)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Whether a Part-1 task code (e.g. "AMA-03-02") exists in the task catalog. */
    boolean taskExists(String taskCode);
}
