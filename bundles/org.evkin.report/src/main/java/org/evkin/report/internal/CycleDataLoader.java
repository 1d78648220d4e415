package org.evkin.report.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;

import org.evkin.instrument.InstrumentDefinition;
import org.evkin.model.CompetencyModel;
import org.evkin.model.Task;
import org.evkin.report.internal.CycleData.FormInfo;
import org.evkin.store.CycleRecord;
import org.evkin.store.CycleStore;
import org.evkin.store.EnrolmentRecord;
import org.evkin.store.FormContent;
import org.evkin.store.FormRecord;
import org.evkin.store.FormStore;
import org.evkin.store.ParticipantRecord;
import org.evkin.store.ParticipantStore;
import org.evkin.store.ResponseScan;

/** Reads what the reports need from the store: a whole cycle in a few streamed queries, or one participant. */
final class CycleDataLoader {

    private final CycleStore cycles;
    private final ParticipantStore participants;
    private final FormStore forms;
    private final ResponseScan scan;
    private final BiFunction<String, String, InstrumentDefinition> definitions;
    private final Map<String, int[]> tasks = new HashMap<>();

    /** @param definitions (program, version or null) → that instrument version, or null when unknown */
    CycleDataLoader(CycleStore cycles, ParticipantStore participants, FormStore forms, ResponseScan scan,
            CompetencyModel model, BiFunction<String, String, InstrumentDefinition> definitions) {
        this.cycles = cycles;
        this.participants = participants;
        this.forms = forms;
        this.scan = scan;
        this.definitions = definitions;
        for (Task t : model.tasks()) {
            tasks.put(t.code(), new int[] {t.subcompetency(), t.level().rank()});
        }
    }

    static Map<String, Integer> itemsOf(InstrumentDefinition d) {
        Map<String, Integer> m = new HashMap<>();
        d.items().forEach(i -> m.put(i.code(), i.subcompetency()));
        return m;
    }

    CycleRecord cycle(long cycleId) {
        return cycles.get(cycleId).orElseThrow(() -> new NoSuchElementException("cycle " + cycleId));
    }

    /** The newest cycle (highest id) where the participant has an enrolment. */
    java.util.OptionalLong latestCycle(long participantId) {
        return cycles.list().stream().mapToLong(CycleRecord::id).sorted().boxed().sorted(Comparator.reverseOrder())
                .filter(id -> !participants.enrolments(id, participantId).isEmpty()).mapToLong(Long::longValue).findFirst();
    }

    /** The participants of a cycle within a province (and district) — null for all — with their forms' content. */
    CycleData loadCycle(long cycleId, String province, String district) {
        CycleRecord cycle = cycle(cycleId);
        List<ParticipantRecord> people = new ArrayList<>(participants.participantsOfCycle(cycleId, province, district));
        people.sort(Comparator.comparingLong(ParticipantRecord::id));
        Map<Long, List<EnrolmentRecord>> enrolments = new HashMap<>();
        for (EnrolmentRecord e : participants.enrolmentsOfCycle(cycleId, province, district)) {
            enrolments.computeIfAbsent(e.participantId(), k -> new ArrayList<>()).add(e);
        }
        Map<Long, List<FormInfo>> byParticipant = new HashMap<>();
        Map<Long, FormInfo> byId = new HashMap<>();
        scan.scanForms(cycleId, (id, participantId, role, part, program, version, submitted) -> {
            List<EnrolmentRecord> own = enrolments.get(participantId);
            if (own == null) {
                return;
            }
            FormInfo info = new FormInfo(id, role, part, program, version == null && part == 2 ? pinned(own, program) : version, submitted);
            byParticipant.computeIfAbsent(participantId, k -> new ArrayList<>(8)).add(info);
            byId.put(id, info);
        });
        ItemIndexes indexes = new ItemIndexes(definitions);
        FormInfo[] last = new FormInfo[1]; // rows come grouped by form: look a form up once per group, not per row
        scan.scanAnswers(cycleId, (formId, itemCode, value) -> {
            FormInfo f = last[0] != null && last[0].id == formId ? last[0] : byId.get(formId);
            last[0] = f;
            if (f != null) {
                addAnswer(indexes, f, itemCode, value);
            }
        });
        last[0] = null;
        scan.scanTicks(cycleId, (formId, taskCode) -> {
            FormInfo f = last[0] != null && last[0].id == formId ? last[0] : byId.get(formId);
            last[0] = f;
            if (f != null) {
                addTick(f, taskCode);
            }
        });
        return new CycleData(cycle, people, enrolments, byParticipant);
    }

    /** One participant of a cycle, from the forms' content. */
    CycleData loadParticipant(long cycleId, long participantId) {
        CycleRecord cycle = cycle(cycleId);
        ParticipantRecord person = participants.participant(participantId)
                .orElseThrow(() -> new NoSuchElementException("participant " + participantId));
        List<EnrolmentRecord> enrolments = participants.enrolments(cycleId, participantId);
        if (enrolments.isEmpty()) {
            throw new NoSuchElementException("participant " + participantId + " has no enrolment in cycle " + cycleId);
        }
        List<FormInfo> infos = new ArrayList<>();
        ItemIndexes indexes = new ItemIndexes(definitions);
        for (FormRecord f : forms.forms(cycleId, participantId)) {
            FormInfo info = info(f, enrolments);
            infos.add(info);
            if (!info.submitted()) {
                continue;
            }
            FormContent content = forms.content(f.id());
            if (info.part() == 2) {
                content.answers().forEach((code, value) -> addAnswer(indexes, info, code, value == null ? 0 : value));
            } else {
                content.ticks().forEach(code -> addTick(info, code));
            }
        }
        return new CycleData(cycle, List.of(person), Map.of(participantId, enrolments), Map.of(participantId, infos));
    }

    private static FormInfo info(FormRecord f, List<EnrolmentRecord> enrolments) {
        String version = f.instrumentVersion();
        if (version == null && f.part() == 2) {
            version = pinned(enrolments, f.programCode());
        }
        return new FormInfo(f.id(), f.raterRole(), f.part(), f.programCode(), version, f.submitted());
    }

    /** The instrument version pinned on the participant's enrolment in a program, if any. */
    private static String pinned(List<EnrolmentRecord> enrolments, String program) {
        for (EnrolmentRecord e : enrolments) {
            if (e.programCode().equals(program) && e.instrumentVersion() != null) {
                return e.instrumentVersion();
            }
        }
        return null;
    }

    private static void addAnswer(ItemIndexes indexes, FormInfo f, String itemCode, int value) {
        Map<String, Integer> items = indexes.of(f.program(), f.version());
        Integer s = items.get(itemCode);
        if (s == null || s < 1 || s > CycleData.SUBCOMPETENCIES) {
            return; // not an item of the form's instrument version: it cannot be scored
        }
        short[] a = f.counts();
        if (value >= 1 && value <= 4) {
            CycleData.add(a, CycleData.sumIndex(s), value);
            CycleData.add(a, CycleData.countIndex(s), 1);
        }
    }

    /** The item maps (item code → subkompetensi) of the instrument versions met in one load, built once each. */
    private static final class ItemIndexes {
        private final Map<String, Map<String, Map<String, Integer>>> byProgram = new HashMap<>();
        private final BiFunction<String, String, InstrumentDefinition> definitions;

        ItemIndexes(BiFunction<String, String, InstrumentDefinition> definitions) {
            this.definitions = definitions;
        }

        Map<String, Integer> of(String program, String version) {
            return byProgram.computeIfAbsent(program, k -> new HashMap<>())
                    .computeIfAbsent(String.valueOf(version), v -> {
                        InstrumentDefinition d = definitions.apply(program, version);
                        return d == null ? Map.of() : itemsOf(d);
                    });
        }
    }

    private void addTick(FormInfo f, String taskCode) {
        int[] t = tasks.get(taskCode);
        if (t == null) {
            return;
        }
        CycleData.add(f.counts(), CycleData.tickIndex(t[0], t[1]), 1);
    }
}
