package org.evkin.instrument;

import java.time.Instant;
import java.util.List;

/** A rejected instrument bundle: which bundle and file, and every problem found (JSON path and reason). */
public record DeploymentProblem(Instant at, String bundle, String location, String file, List<Problem> problems) {

    public DeploymentProblem {
        problems = List.copyOf(problems);
    }

    /** One reason for rejection: where in the descriptor ("$.items[3].level", or "$" for the whole file) and why. */
    public record Problem(String path, String message) {
        @Override
        public String toString() {
            return path + ": " + message;
        }
    }
}
