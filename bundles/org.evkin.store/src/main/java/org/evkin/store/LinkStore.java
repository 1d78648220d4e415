package org.evkin.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Personal links, issued together with their invitation mail. Every method may throw StoreUnavailableException. */
public interface LinkStore {

    /**
     * Stores a link and, in the same transaction, its mail in the outbox (mail may be null). When the mail's dedupe
     * key is already in the outbox nothing is stored and false is returned: an invitation is sent once.
     */
    boolean issue(LinkRecord link, MailOutbox.NewMail mail);

    Optional<LinkRecord> byTokenHash(String tokenHash);

    Optional<LinkRecord> byShortCode(String shortCode);

    /** The links of one participant's rater source, newest first. */
    List<LinkRecord> linksOf(long cycleId, long participantId, String role);

    /** Revokes every live link of that rater source (e.g. before a new one is sent). */
    int revoke(long cycleId, long participantId, String role, Instant at);
}
