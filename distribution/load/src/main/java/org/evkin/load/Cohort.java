package org.evkin.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.evkin.testing.Distribution;

/**
 * The raters' world, set up through the admin API as an admin would: a cycle, the batteries of the PK programs open
 * today, participants imported as CSV (SPEC §5; every participant Ahli Muda in all six PK programs), invitations sent,
 * and each participant's personal link read from the invitation mail that reached the {@link MailSink}.
 */
public final class Cohort {

    /** The six programs for Pengantar Kerja: every participant is enrolled in all, so each link has six Part-2 forms. */
    public static final List<String> PROGRAMS = List.of("BIMTEK-KONSELOR-JKP-2025", "CDMP-SEA-2025", "COP-BISINDO-2025",
            "COP-DISABILITAS-2025", "COP-JKP-DIS-2025", "GENAI-PK-2025");
    public static final String ADMIN_EMAIL = "admin.load@kemnaker.go.id";
    public static final String ADMIN_PASSWORD = "Beban-Uji-2025!x";
    private static final int IMPORT_CHUNK = 1000;

    public final long cycleId;
    public final List<String> links;
    public final String adminToken;
    public final long setupMillis;

    private Cohort(long cycleId, List<String> links, String adminToken, long setupMillis) {
        this.cycleId = cycleId;
        this.links = links;
        this.adminToken = adminToken;
        this.setupMillis = setupMillis;
    }

    /** The environment a distribution needs for this cohort: the first admin, mails to the sink, links on its port. */
    public static void configure(Distribution d, MailSink sink) throws Exception {
        d.env("EVKIN_ADMIN_EMAIL", ADMIN_EMAIL).env("EVKIN_ADMIN_PASSWORD", ADMIN_PASSWORD);
        d.writeConfig("org.evkin.mail.cfg", "smtp.host=127.0.0.1\nsmtp.port=" + sink.port()
                + "\nfrom.address=evkin@kemnaker.go.id\npoll.seconds=1\nbatch.size=500\n");
        d.writeConfig("org.evkin.invitations.cfg", "base.url=http://127.0.0.1:" + d.port + "\n");
        // no reminders during a load test
        d.writeConfig("org.evkin.monitoring.cfg", "reminder.check.seconds=0\n");
    }

    public static String login(Http http) throws Exception {
        Http.Reply r = http.send("POST", "/api/auth/token", null, Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
        expect(r, 200, "sign-in");
        return r.json().path("token").asText();
    }

    /** Creates the cycle "name" with `participants` participants and returns their links. */
    public static Cohort create(Http http, MailSink sink, String name, int participants) throws Exception {
        long t0 = System.nanoTime();
        String admin = login(http);
        for (String program : PROGRAMS) {
            awaitServed(http, program);
        }
        long cycle = expect(http.send("POST", "/api/cycles", admin, Map.of("name", name)), 201, "create cycle").json().path("id").asLong();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        for (String program : PROGRAMS) {
            expect(http.send("PUT", "/api/cycles/" + cycle + "/batteries/" + program, admin,
                    Map.of("periodStart", today.minusDays(1).toString(), "periodEnd", today.plusDays(30).toString())), 200, "battery");
        }
        long run = System.currentTimeMillis() % 100_000_000L;
        List<String> emails = new ArrayList<>();
        for (int from = 0; from < participants; from += IMPORT_CHUNK) {
            StringBuilder csv = new StringBuilder("nip;nama;email;telepon;kategori;jenjang;instansi;provinsi;kabupaten_kota;program;nilai_pelatihan\n");
            for (int i = from; i < Math.min(participants, from + IMPORT_CHUNK); i++) {
                String email = "rater" + i + ".c" + cycle + "." + run + "@example.go.id";
                emails.add(email);
                for (String program : PROGRAMS) {
                    csv.append(uniqueNip(cycle, run, i)).append(";Peserta Uji ").append(i).append(';').append(email)
                            .append(";;PK;Ahli Muda;Disnaker Kota Yogyakarta;DIY;Kota Yogyakarta;").append(program).append(";85,5\n");
                }
            }
            Http.Reply r = http.send("POST", "/api/cycles/" + cycle + "/participants/import", admin, csv.toString(), "text/csv", 300);
            expect(r, 200, "participants import");
        }
        long imported = System.nanoTime();
        JsonNode invited = expect(http.send("POST", "/api/cycles/" + cycle + "/invitations", admin, null, null, 600), 200, "invitations").json();
        if (invited.path("invited").asInt() != participants) {
            throw new IllegalStateException("invited " + invited + " instead of " + participants);
        }
        long invitedAt = System.nanoTime();
        List<String> links = new ArrayList<>();
        long deadline = System.nanoTime() + 120_000_000_000L + participants * 100_000_000L;
        for (String email : emails) {
            String token;
            while ((token = sink.linkOf(email)) == null) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no invitation reached " + email + " (" + sink.received() + " mails received)");
                }
                Thread.sleep(50);
            }
            links.add(token);
        }
        System.out.printf("[load] set-up: sign-in, cycle, batteries and import %d ms, invitations %d ms, mails %d ms%n",
                (imported - t0) / 1_000_000, (invitedAt - imported) / 1_000_000, (System.nanoTime() - invitedAt) / 1_000_000);
        return new Cohort(cycle, links, admin, (System.nanoTime() - t0) / 1_000_000);
    }

    /** 18 digits unique per cycle and participant (participants are identified by NIP across cycles: keep them apart). */
    private static String uniqueNip(long cycle, long run, int i) {
        return String.format("19%02d%08d%06d", cycle % 100, run, i);
    }

    private static void awaitServed(Http http, String program) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (http.send("GET", "/api/instruments/" + program, null, null).status() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(program + " is not served");
    }

    static Http.Reply expect(Http.Reply r, int status, String what) {
        if (r.status() != status) {
            throw new IllegalStateException(what + " answered " + r.status() + " instead of " + status + ": " + r.body());
        }
        return r;
    }
}
