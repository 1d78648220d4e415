package org.evkin.workflow;

import java.util.List;

/** What an invitation run did: participants invited now, invited before, not eligible, and those it could not invite. */
public record InvitationReport(int invited, int alreadyInvited, int ineligible, List<String> problems) {

    public InvitationReport {
        problems = List.copyOf(problems);
    }
}
