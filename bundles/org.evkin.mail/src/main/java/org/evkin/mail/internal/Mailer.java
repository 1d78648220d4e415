package org.evkin.mail.internal;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.evkin.mail.MailDelivery;
import org.evkin.mail.MailReport;
import org.evkin.mail.MailReport.SmtpState;
import org.evkin.mail.MailStatus;
import org.evkin.store.MailOutbox;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the e-mail outbox through the configured SMTP server on one daemon thread, every poll.seconds and when
 * nudged. Immediate, so that it runs whether or not anyone uses its services. Bad settings leave it registered but
 * idle, with a one-line message in the log and in its status.
 */
@Component(name = "org.evkin.mail", configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {MailStatus.class, MailDelivery.class})
@Designate(ocd = MailerConfig.class)
public class Mailer implements MailStatus, MailDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);
    /** How long deactivation waits for the mail being sent. */
    private static final long STOP_WAIT_MS = 5000;

    private final MailOutbox outbox;
    private final Settings settings;
    private final OutboxDelivery delivery;
    private final ScheduledExecutorService scheduler;
    private final String problem;
    private final AtomicBoolean nudged = new AtomicBoolean();
    /** The last unexpected failure of a poll, logged once (only the scheduler thread touches it). */
    private String lastUnexpected;

    @Activate
    public Mailer(@Reference MailOutbox outbox, MailerConfig config, Map<String, Object> properties) {
        this(outbox, config, properties, Clock.systemUTC());
    }

    Mailer(MailOutbox outbox, MailerConfig config, Map<String, Object> properties, Clock clock) {
        this.outbox = outbox;
        Settings checked = null;
        OutboxDelivery work = null;
        String trouble = null;
        try {
            checked = Settings.from(config, properties);
            work = new OutboxDelivery(checked, outbox, new SmtpClient(checked), clock);
        } catch (IllegalArgumentException e) {
            trouble = e.getMessage();
        } catch (RuntimeException | LinkageError e) {
            trouble = "Jakarta Mail is not usable (are jakarta.mail-api, angus-mail and jakarta.activation-api"
                    + " installed?): " + Failure.rootMessage(e);
        }
        this.settings = checked;
        this.delivery = trouble == null ? work : null;
        this.problem = trouble;
        if (trouble != null) {
            this.scheduler = null;
            LOG.error("Mailer not started: {}", trouble);
            return;
        }
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "evkin-mail");
            t.setDaemon(true);
            return t;
        });
        long poll = checked.poll().toMillis();
        scheduler.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS);
        LOG.info("Mailer started: SMTP {}{}{}, from {}, polling every {} s", checked.server(),
                checked.ssl() ? " over TLS" : checked.starttls() ? " with STARTTLS" : "",
                checked.user().isEmpty() ? "" : " as " + checked.user(), checked.fromAddress(), checked.poll().toSeconds());
    }

    @Override
    public void wakeUp() {
        if (scheduler == null || !nudged.compareAndSet(false, true)) {
            return;
        }
        try {
            scheduler.execute(() -> {
                nudged.set(false);
                poll();
            });
        } catch (RejectedExecutionException e) {
            nudged.set(false); // stopping
        }
    }

    @Override
    public MailReport current() {
        if (delivery == null) {
            Map<String, Long> queue;
            try {
                queue = outbox.countByStatus();
            } catch (RuntimeException e) {
                queue = Map.of();
            }
            return new MailReport(SmtpState.MISCONFIGURED, settings == null ? null : settings.server(), null, null, null,
                    queue, problem);
        }
        return delivery.report();
    }

    @Deactivate
    void deactivate() {
        if (scheduler == null) {
            return;
        }
        delivery.stop();
        scheduler.shutdown();
        try {
            // A mail being sent is finished (bounded by connect.timeout.ms per step); the thread is a daemon, so a
            // server that hangs longer keeps neither this call nor the framework from stopping.
            if (!scheduler.awaitTermination(STOP_WAIT_MS, TimeUnit.MILLISECONDS)) {
                scheduler.shutdownNow();
                LOG.warn("Mailer stopped while a mail was still being sent; it is tried again with the same Message-ID"
                        + " when its lease ends");
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void poll() {
        try {
            delivery.runOnce();
            lastUnexpected = null;
        } catch (RuntimeException | LinkageError e) {
            // Never let the scheduled task die: it would stop all mail until the next restart. Logged once per cause.
            String what = e.toString();
            if (!what.equals(lastUnexpected)) {
                lastUnexpected = what;
                LOG.error("Mailer poll failed unexpectedly; trying again every poll", e);
            }
        }
    }
}
