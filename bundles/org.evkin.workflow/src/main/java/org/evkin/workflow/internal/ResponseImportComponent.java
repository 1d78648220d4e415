package org.evkin.workflow.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.evkin.exchange.ImportError;
import org.evkin.exchange.ImportResult;
import org.evkin.exchange.KnownParticipant;
import org.evkin.exchange.ParticipantLookup;
import org.evkin.exchange.ResponseImport;
import org.evkin.exchange.ResponseRow;
import org.evkin.instrument.InstrumentRegistry;
import org.evkin.model.CompetencyModel;
import org.evkin.model.Target;
import org.evkin.store.CycleStore;
import org.evkin.store.EnrolmentRecord;
import org.evkin.store.FormContent;
import org.evkin.store.FormStore;
import org.evkin.store.FormStore.ImportedForm;
import org.evkin.store.FormStore.ImportedForms;
import org.evkin.store.ParticipantRecord;
import org.evkin.store.ParticipantStore;
import org.evkin.workflow.Account;
import org.evkin.workflow.ResponseImportService;
import org.evkin.workflow.ResponsesReport;
import org.evkin.workflow.WorkflowException;
import org.evkin.workflow.WorkflowException.Kind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Responses import: the file is checked completely against the participants of the cycle and their programs' items
 * (exchange), grouped into forms, and stored as submitted forms in one transaction; an imported form counts as submitted.
 */
@Component(name = "org.evkin.responses", service = ResponseImportService.class)
public class ResponseImportComponent implements ResponseImportService {

    private final CycleStore cycles;
    private final ParticipantStore participants;
    private final FormStore forms;
    private final InstrumentRegistry instruments;
    private final RegistryProgramCatalog catalog;

    @Activate
    public ResponseImportComponent(@Reference CycleStore cycles, @Reference ParticipantStore participants, @Reference FormStore forms,
            @Reference InstrumentRegistry instruments, @Reference CompetencyModel model) {
        this.cycles = cycles;
        this.participants = participants;
        this.forms = forms;
        this.instruments = instruments;
        this.catalog = new RegistryProgramCatalog(instruments, model);
    }

    @Override
    public ResponsesReport importResponses(Account actor, long cycleId, byte[] file, boolean commit) {
        cycles.get(cycleId).orElseThrow(() -> new WorkflowException(Kind.NOT_FOUND, "cycleNotFound", Texts.get("cycle.notFound")));
        List<ParticipantRecord> people = participants.participantsOfCycle(cycleId, null, null);
        Map<Long, List<EnrolmentRecord>> enrolments = participants.enrolmentsOfCycle(cycleId, null, null).stream()
                .collect(Collectors.groupingBy(EnrolmentRecord::participantId));
        Map<String, ParticipantRecord> byKey = new HashMap<>();
        for (ParticipantRecord p : people) {
            if (p.nip() != null) {
                byKey.put(p.nip(), p);
            }
            byKey.putIfAbsent(p.email().toLowerCase(Locale.ROOT), p);
        }
        ParticipantLookup lookup = nipOrEmail -> Optional.ofNullable(byKey.get(nipOrEmail.strip().toLowerCase(Locale.ROOT)))
                .map(p -> new KnownParticipant(Long.toString(p.id()), p.level() == null ? Target.PAK : Target.valueOf(p.level()),
                        enrolments.getOrDefault(p.id(), List.of()).stream().filter(EnrolmentRecord::eligible)
                                .map(EnrolmentRecord::programCode).collect(Collectors.toSet())));
        ImportResult<ResponseRow> result;
        try {
            result = new ResponseImport(catalog, lookup).read(new ByteArrayInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!result.errors().isEmpty()) {
            throw new WorkflowException(Kind.INVALID, "importInvalid", Texts.get("responses.invalid", result.errorCount()), result.errors());
        }
        Map<Long, ParticipantRecord> byId = people.stream().collect(Collectors.toMap(ParticipantRecord::id, p -> p));
        List<ImportError> outside = new ArrayList<>();
        Map<String, List<ResponseRow>> grouped = new LinkedHashMap<>();
        for (ResponseRow r : result.rows()) {
            ParticipantRecord p = byId.get(Long.parseLong(r.participantId()));
            if (!actor.covers(p.province(), p.district())) {
                outside.add(new ImportError(r.row(), "nip_or_email", "outOfRegion", Texts.get("import.outOfRegion", r.row(), p.province(),
                        actor.province())));
                continue;
            }
            String key = r.participantId() + "|" + r.raterRole() + "|" + r.part() + "|" + (r.part() == 1 ? "" : r.programCode());
            grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        if (!outside.isEmpty()) {
            throw new WorkflowException(Kind.FORBIDDEN, "outOfRegion", Texts.get("responses.invalid", outside.size()), outside);
        }
        List<ImportedForm> imported = new ArrayList<>();
        for (List<ResponseRow> rows : grouped.values()) {
            ResponseRow first = rows.get(0);
            long pid = Long.parseLong(first.participantId());
            String program = first.part() == 1 ? "" : first.programCode();
            String version = null;
            FormContent content;
            if (first.part() == 2) {
                EnrolmentRecord e = enrolments.get(pid).stream().filter(en -> en.programCode().equals(program)).findFirst().orElseThrow();
                String current = instruments.current(program).orElseThrow().version();
                version = e.instrumentVersion() != null ? e.instrumentVersion()
                        : commit ? forms.pinInstrumentVersion(e.id(), current) : current;
                Map<String, Integer> answers = new LinkedHashMap<>();
                rows.forEach(r -> answers.put(r.itemCode(), r.value()));
                content = new FormContent(answers, Set.of(), null);
            } else {
                Set<String> ticks = rows.stream().filter(r -> r.value() != null && r.value() == 1).map(ResponseRow::itemCode)
                        .collect(Collectors.toSet());
                TreeSet<Integer> scope = rows.stream().map(r -> Integer.parseInt(r.itemCode().split("-")[1]))
                        .collect(Collectors.toCollection(TreeSet::new));
                content = new FormContent(Map.of(), ticks, scope.stream().map(String::valueOf).collect(Collectors.joining(",")));
            }
            imported.add(new ImportedForm(pid, first.raterRole().name(), first.part(), program, version,
                    first.raterName() == null ? byId.get(pid).name() : first.raterName(), first.raterEmail(), content, first.row()));
        }
        ImportedForms outcome = forms.importForms(cycleId, imported, commit, actor.actor());
        if (!outcome.conflicts().isEmpty()) {
            List<ImportError> conflicts = outcome.conflicts().stream().map(f -> new ImportError(f.firstRow(), "", "conflict",
                    Texts.get("responses.conflict", f.firstRow(), (f.part() == 1 ? "Bagian 1" : "Bagian 2 " + f.programCode()) + " "
                            + Texts.get("role." + f.role()), byId.get(f.participantId()).name()))).toList();
            throw new WorkflowException(Kind.CONFLICT, "conflict", conflicts.get(0).message(), conflicts);
        }
        return new ResponsesReport(commit, result.rows().size(), imported.size(), outcome.created(), outcome.draftsCompleted(),
                outcome.unchanged());
    }
}
