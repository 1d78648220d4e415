package org.evkin.workflow.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.evkin.instrument.InstrumentRegistry;
import org.evkin.instrument.InstrumentSummary;
import org.evkin.security.Tokens;
import org.evkin.store.BatteryRecord;
import org.evkin.store.CycleRecord;
import org.evkin.store.CycleStore;
import org.evkin.store.EnrolmentRecord;
import org.evkin.store.LinkRecord;
import org.evkin.store.LinkStore;
import org.evkin.store.MailOutbox;
import org.evkin.store.ParticipantRecord;
import org.evkin.store.ParticipantStore;
import org.evkin.workflow.Account;
import org.evkin.workflow.InvitationReport;
import org.evkin.workflow.InvitationService;
import org.evkin.workflow.WorkflowException;
import org.evkin.workflow.WorkflowException.Kind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invites participants: for each eligible participant without an invitation, a new personal link (only its hash is
 * stored) that expires the day after the last of its programs' periods, and the e-mail with it, in one transaction.
 */
@Component(name = "org.evkin.invitations", service = InvitationService.class)
@Designate(ocd = InvitationConfig.class)
public class InvitationComponent implements InvitationService {

    private static final Logger LOG = LoggerFactory.getLogger(InvitationComponent.class);
    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    static final String PARTICIPANT_ROLE = "DIRI";
    /** How mails and pages write a date: "30 November 2025". */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("id"));

    private final CycleStore cycles;
    private final ParticipantStore participants;
    private final LinkStore links;
    private final InstrumentRegistry instruments;
    private final String baseUrl;

    @Activate
    public InvitationComponent(InvitationConfig config, @Reference CycleStore cycles, @Reference ParticipantStore participants,
            @Reference LinkStore links, @Reference InstrumentRegistry instruments) {
        String base = config.base_url().strip();
        if (!base.matches("https?://[^\\s/]+(/[^\\s]*)?")) {
            throw new IllegalArgumentException("setting 'base.url' in config/org.evkin.invitations.cfg is not an http(s) address: " + base);
        }
        this.baseUrl = baseUrl(base);
        this.cycles = cycles;
        this.participants = participants;
        this.links = links;
        this.instruments = instruments;
    }

    /** The configured public address without a trailing slash; personal links are built on it. */
    static String baseUrl(String configured) {
        String base = configured.strip();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @Override
    public InvitationReport invite(Account actor, long cycleId) {
        CycleRecord cycle = cycles.get(cycleId)
                .orElseThrow(() -> new WorkflowException(Kind.NOT_FOUND, "cycleNotFound", Texts.get("cycle.notFound")));
        Map<String, BatteryRecord> batteries = cycles.batteries(cycleId).stream()
                .collect(Collectors.toMap(BatteryRecord::programCode, b -> b));
        Map<Long, List<EnrolmentRecord>> byParticipant = participants.enrolmentsOfCycle(cycleId,
                actor.province(), actor.district()).stream().collect(Collectors.groupingBy(EnrolmentRecord::participantId));
        int invited = 0, already = 0, ineligible = 0;
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Long, List<EnrolmentRecord>> e : byParticipant.entrySet()) {
            List<EnrolmentRecord> eligible = e.getValue().stream().filter(EnrolmentRecord::eligible).toList();
            if (eligible.isEmpty()) {
                ineligible++;
                continue;
            }
            ParticipantRecord p = participants.participant(e.getKey()).orElseThrow();
            if (!actor.covers(p.province(), p.district())) {
                continue;
            }
            if (!links.linksOf(cycleId, p.id(), PARTICIPANT_ROLE).isEmpty()) {
                already++;
                continue;
            }
            Optional<LocalDate> closes = lastDay(eligible, batteries, problems);
            if (closes.isEmpty()) {
                continue;
            }
            String token = Tokens.newToken();
            var now = java.time.Instant.now();
            var expires = closes.get().plusDays(1).atStartOfDay(JAKARTA).toInstant();
            String programs = eligible.stream().map(en -> instruments.summary(en.programCode()).map(InstrumentSummary::title)
                    .orElse(en.programCode())).collect(Collectors.joining("; "));
            String link = baseUrl + "/t/" + token;
            MailOutbox.NewMail mail = new MailOutbox.NewMail("invite:" + cycleId + ":" + p.id(), p.email(),
                    Texts.get("invite.subject", cycle.name()),
                    Texts.get("invite.body", p.name(), programs, link, DATE.format(closes.get())), null);
            if (links.issue(new LinkRecord(Tokens.hash(token), null, cycleId, p.id(), PARTICIPANT_ROLE, now, expires, null), mail)) {
                invited++;
            } else {
                already++;
            }
        }
        LOG.info("Invitations for cycle {} by {}: {} sent, {} already invited, {} not eligible, {} problems", cycle.name(),
                actor.actor(), invited, already, ineligible, problems.size());
        return new InvitationReport(invited, already, ineligible, problems);
    }

    /** The last day any of these enrolments' batteries is open; a missing battery is a problem, the participant waits. */
    private static Optional<LocalDate> lastDay(List<EnrolmentRecord> eligible, Map<String, BatteryRecord> batteries, List<String> problems) {
        LocalDate last = null;
        for (EnrolmentRecord en : eligible) {
            BatteryRecord b = batteries.get(en.programCode());
            if (b == null) {
                String p = Texts.get("invite.noBattery", en.programCode());
                if (!problems.contains(p)) {
                    problems.add(p);
                }
                return Optional.empty();
            }
            if (last == null || b.closesAfter().isAfter(last)) {
                last = b.closesAfter();
            }
        }
        return Optional.ofNullable(last);
    }
}
