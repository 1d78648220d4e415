package org.evkin.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.evkin.store.EnrolmentRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.exceptions.PersistenceException;
import org.evkin.store.AccountRecord;
import org.evkin.store.BatteryRecord;
import org.evkin.store.CycleRecord;
import org.evkin.store.FormContent;
import org.evkin.store.FormRecord;
import org.evkin.store.ParticipantRecord;
import org.evkin.store.ParticipantStore.ImportCounts;
import org.evkin.store.ParticipantStore.ImportRow;
import org.evkin.store.SessionRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Accounts, sessions, cycles, batteries and the participant import on a real MariaDB. */
class EvaluationStoresTest {

    private static TestDatabase db;
    private static DatabaseComponent database;
    private static AccountStoreComponent accounts;
    private static CycleStoreComponent cycles;
    private static ParticipantStoreComponent participants;
    private static FormStoreComponent forms;
    private static LinkStoreComponent links;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.start("evaluation");
        database = new DatabaseComponent(DatabaseComponentTest.config(Map.of()),
                DatabaseComponentTest.context(Map.of(DatabaseComponent.EMBEDDED_URL, db.url("evaluation"))));
        assertTrue(database.status().up(), String.valueOf(database.status().problem()));
        accounts = new AccountStoreComponent(database);
        cycles = new CycleStoreComponent(database);
        participants = new ParticipantStoreComponent(database);
        forms = new FormStoreComponent(database);
        links = new LinkStoreComponent(database);
    }

    @AfterAll
    static void stop() throws Exception {
        database.deactivate();
        db.close();
    }

    @Test
    void accountsAreFoundByEmailInAnyCaseAndSessionsExpire() {
        AccountRecord a = accounts.insert("Admin@Kemnaker.go.id", "Admin", "$argon2id$x", "NATIONAL_ADMIN", null, null, "setup");
        assertEquals("admin@kemnaker.go.id", a.email());
        assertEquals(a, accounts.byEmail("ADMIN@kemnaker.go.id").orElseThrow());
        assertThrows(PersistenceException.class,
                () -> accounts.insert("admin@kemnaker.go.id", "Twice", "h", "NATIONAL_ADMIN", null, null, "setup"));
        Instant now = Instant.now();
        accounts.insertSession(new SessionRecord("a".repeat(64), a.id(), "API", now, now.plusSeconds(60), now));
        accounts.insertSession(new SessionRecord("b".repeat(64), a.id(), "WEB", now, now.minusSeconds(1), now));
        assertEquals(a.id(), accounts.session("a".repeat(64)).orElseThrow().accountId());
        assertEquals(1, accounts.deleteExpiredSessions(now));
        assertTrue(accounts.session("b".repeat(64)).isEmpty());
        accounts.deleteSession("a".repeat(64));
        assertTrue(accounts.session("a".repeat(64)).isEmpty());
    }

    @Test
    void cycleNamesAreUniqueAndBatteriesAreReplaced() {
        CycleRecord c = cycles.create("EvKin 2025", "admin").orElseThrow();
        assertTrue(cycles.create("EvKin 2025", "admin").isEmpty());
        cycles.saveBattery(new BatteryRecord(c.id(), "COP-BISINDO-2025", "ACTIVE", LocalDate.of(2025, 11, 1),
                LocalDate.of(2025, 11, 30), null), "admin", "first");
        cycles.saveBattery(new BatteryRecord(c.id(), "COP-BISINDO-2025", "ACTIVE", LocalDate.of(2025, 11, 1),
                LocalDate.of(2025, 11, 30), LocalDate.of(2025, 12, 7)), "admin", "extended");
        BatteryRecord b = cycles.battery(c.id(), "COP-BISINDO-2025").orElseThrow();
        assertEquals(LocalDate.of(2025, 12, 7), b.closesAfter());
        assertEquals(1, cycles.batteries(c.id()).size());
    }

    @Test
    void anImportIsAllInOneTransactionAndAReImportChangesNothing() {
        CycleRecord c = cycles.create("EvKin import", "admin").orElseThrow();
        List<ImportRow> rows = List.of(
                row("nip:199001012020011001", "199001012020011001", "Siti", "COP-BISINDO-2025", "85.50", true),
                row("nip:199001012020011001", "199001012020011001", "Siti", "GENAI-PK-2025", "65.00", false),
                row("email:pak@example.com", null, "Budi", "GENAI-PAK-2025", "90.00", true));
        ImportCounts dry = participants.importRows(c.id(), rows, false, "admin", "dry");
        assertEquals(new ImportCounts(2, 0, 0, 3, 0, 0), dry);
        assertTrue(participants.enrolmentsOfCycle(c.id(), null, null).isEmpty(), "a dry run writes nothing");

        assertEquals(new ImportCounts(2, 0, 0, 3, 0, 0), participants.importRows(c.id(), rows, true, "admin", "first"));
        ImportCounts again = participants.importRows(c.id(), rows, true, "admin", "again");
        assertTrue(again.changedNothing(), again.toString());
        assertEquals(new ImportCounts(0, 0, 2, 0, 0, 3), again);

        List<ImportRow> changed = List.of(row("nip:199001012020011001", "199001012020011001", "Siti Aminah", "GENAI-PK-2025",
                "75.00", true));
        assertEquals(new ImportCounts(0, 1, 0, 0, 1, 0), participants.importRows(c.id(), changed, true, "admin", "fix"));
        ParticipantRecord p = participants.participantByIdentity("nip:199001012020011001").orElseThrow();
        assertEquals("Siti Aminah", p.name());
        assertEquals(2, participants.enrolments(c.id(), p.id()).size());
        assertEquals(3, participants.enrolmentsOfCycle(c.id(), null, null).size());
        assertEquals(3, participants.enrolmentsOfCycle(c.id(), "Jawa Tengah", null).size());
        assertEquals(0, participants.enrolmentsOfCycle(c.id(), "Bali", null).size());
        assertEquals(3, participants.enrolmentsOfCycle(c.id(), "Jawa Tengah", "Kabupaten Wonogiri").size());
        assertEquals(0, participants.enrolmentsOfCycle(c.id(), "Jawa Tengah", "Kota Semarang").size());
        assertEquals(0, participants.enrolmentsOfCycle(c.id(), null, "Kota Semarang").size());
        // read for the whole cycle (mapped by hand) they are the records each participant's read (MyBatis) gives, in order
        List<EnrolmentRecord> each = new java.util.ArrayList<>();
        participants.participantsOfCycle(c.id(), null, null).stream().mapToLong(ParticipantRecord::id).sorted()
                .forEach(id -> each.addAll(participants.enrolments(c.id(), id)));
        assertEquals(each, participants.enrolmentsOfCycle(c.id(), null, null));
        EnrolmentRecord ineligible = participants.enrolmentsOfCycle(c.id(), null, null).stream()
                .filter(e -> e.programCode().equals("GENAI-PK-2025")).findFirst().orElseThrow();
        assertEquals(new BigDecimal("75.00"), ineligible.trainingScore());
        assertTrue(ineligible.eligible(), "the fix made it eligible");
    }

    @Test
    void aFormKeepsItsDraftAndIsSubmittedExactlyOnceEvenWhenRaced() throws Exception {
        CycleRecord c = cycles.create("EvKin forms", "admin").orElseThrow();
        participants.importRows(c.id(), List.of(row("nip:199505052020015005", "199505052020015005", "Dewi", "COP-BISINDO-2025",
                "88", true)), true, "admin", "forms");
        ParticipantRecord p = participants.participantByIdentity("nip:199505052020015005").orElseThrow();
        long enrolment = participants.enrolments(c.id(), p.id()).get(0).id();
        assertEquals("1.0.0", forms.pinInstrumentVersion(enrolment, "1.0.0"));
        assertEquals("1.0.0", forms.pinInstrumentVersion(enrolment, "1.1.0"), "the first pinned version stays");

        FormRecord f = forms.openForm(c.id(), p.id(), "ATASAN", 2, "COP-BISINDO-2025", "1.0.0", "WEB");
        assertEquals(f.id(), forms.openForm(c.id(), p.id(), "ATASAN", 2, "COP-BISINDO-2025", "1.0.0", "WEB").id());
        assertEquals(0, f.revision(), "a new form has never been saved");
        assertEquals(FormContent.empty(), forms.content(f), "a form never saved holds nothing (read without a statement)");
        java.util.Map<String, Integer> draft = new java.util.HashMap<>();
        draft.put("A-1", 3);
        draft.put("A-2", null);
        assertEquals(1, forms.saveDraft(f.id(), new FormContent(draft, java.util.Set.of(), null), Instant.now()).getAsInt());
        assertEquals(draft, forms.content(f.id()).answers(), "a reload finds the draft, 'tidak dapat menilai' included");
        FormRecord saved = forms.openForm(c.id(), p.id(), "ATASAN", 2, "COP-BISINDO-2025", "1.0.0", "WEB");
        assertEquals(1, saved.revision());
        FormRecord again = forms.openForm(c.id(), p.id(), "ATASAN", 2, "COP-BISINDO-2025", "1.1.0", "IMPORT");
        assertEquals(List.of(f.id(), "1.0.0", "WEB", 1, "DRAFT"), List.of(again.id(), again.instrumentVersion(), again.source(),
                again.revision(), again.status()), "opening a form that is there changes nothing of it");
        assertEquals(forms.content(f.id()), forms.content(saved), "read with its record, a form holds what a read by id finds");
        assertEquals(List.of("A-1", "A-2"), List.copyOf(forms.content(saved).answers().keySet()), "answers in code order");

        java.util.Map<String, Integer> fin = java.util.Map.of("A-1", 4, "A-2", 2);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger stored = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> tabs = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    if (forms.submit(f.id(), new FormContent(fin, java.util.Set.of(), null), Instant.now())) {
                        stored.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            tabs.add(t);
        }
        go.countDown();
        for (Thread t : tabs) {
            t.join(30_000);
        }
        assertEquals(1, stored.get(), "two submits of the same form store one");
        assertTrue(forms.form(f.id()).orElseThrow().submitted());
        assertTrue(forms.saveDraft(f.id(), new FormContent(java.util.Map.of("A-1", 1), java.util.Set.of(), null), Instant.now()).isEmpty());
        assertEquals(fin, forms.content(f.id()).answers(), "a submitted form is final");

        FormRecord part1 = forms.openForm(c.id(), p.id(), "REKAN", 1, "", null, "WEB");
        forms.submit(part1.id(), new FormContent(java.util.Map.of(), java.util.Set.of("AP-02-01", "AMU-03-02"), "2,3"), Instant.now());
        assertEquals(java.util.Set.of("AP-02-01", "AMU-03-02"), forms.content(part1.id()).ticks());
        assertEquals("2,3", forms.content(part1.id()).scope());
        FormRecord part1Stored = forms.form(part1.id()).orElseThrow();
        assertEquals(forms.content(part1.id()), forms.content(part1Stored), "ticks and scope, read with the record");
        assertEquals(java.util.Map.of(), forms.content(part1Stored).answers(), "a Part-1 form holds no answers");
    }

    @Test
    void aCycleScanStreamsOnlyTheSubmittedFormsOfThatCycle() {
        CycleRecord c = cycles.create("EvKin scan", "admin").orElseThrow();
        CycleRecord other = cycles.create("EvKin scan other", "admin").orElseThrow();
        participants.importRows(c.id(), List.of(row("nip:199606062020016006", "199606062020016006", "Eka", "COP-BISINDO-2025",
                "88", true)), true, "admin", "scan");
        participants.importRows(other.id(), List.of(row("nip:199606062020016006", "199606062020016006", "Eka", "COP-BISINDO-2025",
                "88", true)), true, "admin", "scan");
        ParticipantRecord p = participants.participantByIdentity("nip:199606062020016006").orElseThrow();
        java.util.Map<String, Integer> answers = new java.util.HashMap<>();
        answers.put("B-1", 4);
        answers.put("B-2", null);
        FormRecord submitted = forms.openForm(c.id(), p.id(), "DIRI", 2, "COP-BISINDO-2025", "1.0.0", "WEB");
        forms.submit(submitted.id(), new FormContent(answers, java.util.Set.of(), null), Instant.now());
        FormRecord draft = forms.openForm(c.id(), p.id(), "ATASAN", 2, "COP-BISINDO-2025", "1.0.0", "WEB");
        forms.saveDraft(draft.id(), new FormContent(java.util.Map.of("B-1", 1), java.util.Set.of(), null), Instant.now());
        FormRecord elsewhere = forms.openForm(other.id(), p.id(), "DIRI", 2, "COP-BISINDO-2025", "1.0.0", "WEB");
        forms.submit(elsewhere.id(), new FormContent(java.util.Map.of("B-1", 2), java.util.Set.of(), null), Instant.now());
        FormRecord part1 = forms.openForm(c.id(), p.id(), "REKAN", 1, "", null, "WEB");
        forms.submit(part1.id(), new FormContent(java.util.Map.of(), java.util.Set.of("AP-02-01", "AMU-03-02"), "2,3"), Instant.now());
        FormRecord part1Draft = forms.openForm(c.id(), p.id(), "ATASAN", 1, "", null, "WEB");
        forms.saveDraft(part1Draft.id(), new FormContent(java.util.Map.of(), java.util.Set.of("AP-02-02"), "2"), Instant.now());

        ResponseScanComponent scan = new ResponseScanComponent(database);
        List<String> seen = new java.util.ArrayList<>();
        assertEquals(2, scan.scanAnswers(c.id(), (form, item, value) -> seen.add(form + ":" + item + "=" + value)));
        seen.sort(null);
        assertEquals(List.of(submitted.id() + ":B-1=4", submitted.id() + ":B-2=0"), seen, "drafts and other cycles are left out; NA is 0");
        List<String> ticks = new java.util.ArrayList<>();
        assertEquals(2, scan.scanTicks(c.id(), (form, task) -> ticks.add(form + ":" + task)));
        ticks.sort(null);
        assertEquals(List.of(part1.id() + ":AMU-03-02", part1.id() + ":AP-02-01"), ticks);
        List<String> all = new java.util.ArrayList<>();
        assertEquals(4, scan.scanForms(c.id(), (id, participant, role, part, program, version, done) ->
                all.add(role + "/" + part + "/" + program + "/" + version + "/" + done + "/" + (participant == p.id()))));
        all.sort(null);
        assertEquals(List.of("ATASAN/1//null/false/true", "ATASAN/2/COP-BISINDO-2025/1.0.0/false/true",
                "DIRI/2/COP-BISINDO-2025/1.0.0/true/true", "REKAN/1//null/true/true"), all);
    }

    @Test
    void storeCallsInsideOneTransactionCommitTogetherOrNotAtAll() {
        CycleRecord c = cycles.create("EvKin one transaction", "admin").orElseThrow();
        participants.importRows(c.id(), List.of(row("nip:199707072020017007", "199707072020017007", "Fajar", "COP-BISINDO-2025",
                "88", true)), true, "admin", "tx");
        ParticipantRecord p = participants.participantByIdentity("nip:199707072020017007").orElseThrow();
        assertThrows(IllegalStateException.class, () -> database.inOne(() -> {
            FormRecord f = forms.openForm(c.id(), p.id(), "DIRI", 2, "COP-BISINDO-2025", "1.0.0", "WEB");
            forms.saveDraft(f.id(), new FormContent(Map.of("C-1", 3), java.util.Set.of(), null), Instant.now());
            assertEquals(Map.of("C-1", 3), forms.content(f.id()).answers(), "inside, the work sees its own writes");
            throw new IllegalStateException("the request failed after its writes");
        }));
        assertTrue(forms.forms(c.id(), p.id()).isEmpty(), "a failed request leaves nothing behind");

        long formId = database.inOne(() -> {
            FormRecord f = forms.openForm(c.id(), p.id(), "DIRI", 2, "COP-BISINDO-2025", "1.0.0", "WEB");
            forms.saveDraft(f.id(), new FormContent(Map.of("C-1", 4), java.util.Set.of(), null), Instant.now());
            return f.id();
        });
        assertEquals(Map.of("C-1", 4), forms.content(formId).answers());
        assertThrows(IllegalStateException.class, () -> database.inOne(() -> participants.importRows(c.id(), List.of(), false, "admin", "dry")),
                "a dry run cannot hide inside a transaction that commits");
    }

    @Test
    void aLinksContextIsWhatTheSeparateReadsGive() {
        CycleRecord c = cycles.create("EvKin context", "admin").orElseThrow();
        participants.importRows(c.id(), List.of(
                row("nip:199707072020017007", "199707072020017007", "Rina", "COP-BISINDO-2025", "88", true),
                row("nip:199707072020017007", "199707072020017007", "Rina", "GENAI-PK-2025", "60", false)), true, "admin", "ctx");
        ParticipantRecord p = participants.participantByIdentity("nip:199707072020017007").orElseThrow();
        cycles.saveBattery(new BatteryRecord(c.id(), "COP-BISINDO-2025", "ACTIVE", LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 7)), "admin", "ctx");
        Instant created = Instant.parse("2026-11-02T03:04:05.678Z");
        org.evkin.store.LinkRecord link = new org.evkin.store.LinkRecord("c".repeat(64), "ABCD2345", c.id(), p.id(), "ATASAN",
                created, created.plusSeconds(86_400 * 40), null);
        assertTrue(links.issue(link, null));
        long enrolment = participants.enrolments(c.id(), p.id()).stream().filter(e -> e.programCode().equals("COP-BISINDO-2025"))
                .findFirst().orElseThrow().id();
        forms.pinInstrumentVersion(enrolment, "1.0.0");

        org.evkin.store.LinkContext x = links.context("c".repeat(64), "COP-BISINDO-2025").orElseThrow();
        assertEquals(links.byTokenHash("c".repeat(64)).orElseThrow(), x.link());
        assertEquals(link, x.link(), "timestamps survive to the millisecond");
        assertEquals(participants.participant(p.id()).orElseThrow(), x.participant());
        assertEquals(cycles.get(c.id()).orElseThrow(), x.cycle());
        org.evkin.store.EnrolmentRecord e = participants.enrolments(c.id(), p.id()).stream()
                .filter(en -> en.programCode().equals("COP-BISINDO-2025")).findFirst().orElseThrow();
        assertEquals(e, x.enrolment());
        assertEquals("1.0.0", x.enrolment().instrumentVersion());
        assertEquals(cycles.battery(c.id(), "COP-BISINDO-2025").orElseThrow(), x.battery());

        org.evkin.store.LinkContext ineligible = links.contextByShortCode("ABCD2345", "GENAI-PK-2025").orElseThrow();
        assertEquals(link, ineligible.link());
        assertEquals(false, ineligible.enrolment().eligible());
        assertEquals(null, ineligible.battery(), "no battery for that program in this cycle");
        org.evkin.store.LinkContext none = links.context("c".repeat(64), null).orElseThrow();
        assertEquals(null, none.enrolment());
        assertEquals(null, none.battery());
        assertEquals(null, links.context("c".repeat(64), "NOT-ENROLLED").orElseThrow().enrolment());
        assertTrue(links.context("d".repeat(64), "COP-BISINDO-2025").isEmpty());
        assertTrue(links.contextByShortCode("ZZZZ2345", null).isEmpty());

        // a form request's context carries the link's form of that part and program, once it exists
        org.evkin.store.LinkContext before = links.formContext("c".repeat(64), 2, "COP-BISINDO-2025").orElseThrow();
        assertEquals(null, before.form(), "never opened");
        assertEquals(x.link(), before.link());
        assertEquals(x.enrolment(), before.enrolment());
        assertEquals(x.battery(), before.battery());
        FormRecord opened = forms.openForm(c.id(), p.id(), "ATASAN", 2, "COP-BISINDO-2025", "1.0.0", "WEB");
        forms.saveDraft(opened.id(), new FormContent(Map.of("C-1", 3), java.util.Set.of(), null), Instant.now());
        FormRecord stored = forms.form(opened.id()).orElseThrow();
        assertEquals(1, stored.revision());
        assertEquals(stored, links.formContext("c".repeat(64), 2, "COP-BISINDO-2025").orElseThrow().form(),
                "the joined form equals the form read alone, timestamps to the millisecond");
        assertEquals(stored, links.formContextByShortCode("ABCD2345", 2, "COP-BISINDO-2025").orElseThrow().form());
        assertEquals(null, links.formContext("c".repeat(64), 2, "GENAI-PK-2025").orElseThrow().form(), "another program's form");
        assertEquals(null, links.formContext("c".repeat(64), 1, null).orElseThrow().form(), "the Part-1 form is another form");
        // another rater role's form of the same participant and program is not this link's
        forms.openForm(c.id(), p.id(), "REKAN", 1, "", null, "WEB");
        assertEquals(null, links.formContext("c".repeat(64), 1, null).orElseThrow().form(), "the peer's Part-1 form is not the supervisor's");
        FormRecord partOne = forms.openForm(c.id(), p.id(), "ATASAN", 1, "", null, "WEB");
        org.evkin.store.LinkContext one = links.formContext("c".repeat(64), 1, null).orElseThrow();
        assertEquals(partOne, one.form(), "Part 1 is stored under the program code \"\"");
        assertEquals(null, one.enrolment());
        assertTrue(links.formContext("d".repeat(64), 2, "COP-BISINDO-2025").isEmpty());
    }

    private static ImportRow row(String key, String nip, String name, String program, String score, boolean eligible) {
        ParticipantRecord p = new ParticipantRecord(0, key, nip, nip == null ? "pak@example.com" : "siti@example.go.id", name, null,
                nip == null ? "PAK" : "PK", nip == null ? null : "AHLI_PERTAMA", "Disnaker", "Jawa Tengah", "Kabupaten Wonogiri",
                null, null);
        return new ImportRow(p, program, new BigDecimal(score), eligible, eligible ? null : "nilai pelatihan di bawah 70,01");
    }
}
