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

    /**
     * The link with that token hash and its context ({@link LinkContext}) in one statement; programCode may be null (then
     * the context has no enrolment and no battery). Empty when no such link exists.
     */
    Optional<LinkContext> context(String tokenHash, String programCode);

    /** As {@link #context(String, String)}, for a link found by its short code. */
    Optional<LinkContext> contextByShortCode(String shortCode, String programCode);

    /**
     * As {@link #context(String, String)}, with the link's form of that part (1 or 2) and program (programCode null for
     * Part 1, whose forms are stored under "") in the same statement: a form request needs no second read to find its
     * form. The form is read without a lock (null when the rater never opened it).
     */
    Optional<LinkContext> formContext(String tokenHash, int part, String programCode);

    /** As {@link #formContext(String, int, String)}, for a link found by its short code. */
    Optional<LinkContext> formContextByShortCode(String shortCode, int part, String programCode);

    /** The links of one participant's rater source, newest first. */
    List<LinkRecord> linksOf(long cycleId, long participantId, String role);

    /** Every link of a cycle (live or not), for monitoring and reminders. */
    List<LinkRecord> linksOfCycle(long cycleId);

    /** Reminders sent per participant and role in a cycle. */
    List<ReminderRecord> reminders(long cycleId);

    /**
     * Issues a new link with its reminder mail (the old links of that source are revoked) and counts the reminder, all in
     * one transaction; escalation mails (may be empty) go out in the same transaction and mark the reminder escalated.
     */
    void remind(LinkRecord newLink, MailOutbox.NewMail reminder, List<MailOutbox.NewMail> escalations);

    /** Revokes every live link of that rater source (e.g. before a new one is sent). */
    int revoke(long cycleId, long participantId, String role, Instant at);
}
