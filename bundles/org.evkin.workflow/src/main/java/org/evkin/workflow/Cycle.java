package org.evkin.workflow;

import java.time.Instant;
import java.util.List;

/** An evaluation cycle with its batteries. */
public record Cycle(long id, String name, Instant createdAt, List<Battery> batteries) {

    public Cycle {
        batteries = List.copyOf(batteries);
    }
}
