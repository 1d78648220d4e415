package org.evkin.workflow.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.evkin.exchange.ImportError;
import org.evkin.exchange.ImportOptions;
import org.evkin.exchange.ImportResult;
import org.evkin.exchange.ParticipantImport;
import org.evkin.exchange.ParticipantRow;
import org.evkin.instrument.InstrumentRegistry;
import org.evkin.model.CompetencyModel;
import org.evkin.store.CycleStore;
import org.evkin.store.ParticipantRecord;
import org.evkin.store.ParticipantStore;
import org.evkin.store.ParticipantStore.ImportCounts;
import org.evkin.store.ParticipantStore.ImportRow;
import org.evkin.workflow.Account;
import org.evkin.workflow.EnrolmentService;
import org.evkin.workflow.ImportReport;
import org.evkin.workflow.WorkflowException;
import org.evkin.workflow.WorkflowException.Kind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Participant imports: the file is read and checked completely (exchange), a regional admin's rows must all be in its
 * region, then everything is written in one transaction — or, for a preview, written and rolled back.
 */
@Component(name = "org.evkin.enrolment", service = EnrolmentService.class)
@Designate(ocd = EnrolmentConfig.class)
public class EnrolmentComponent implements EnrolmentService {

    static final String CONFIG_FILE = "config/org.evkin.enrolment.cfg";
    private static final int PREVIEW_ROWS = 200;

    private final CycleStore cycles;
    private final ParticipantStore participants;
    private final ParticipantImport reader;

    @Activate
    public EnrolmentComponent(EnrolmentConfig config, @Reference CycleStore cycles, @Reference ParticipantStore participants,
            @Reference InstrumentRegistry instruments, @Reference CompetencyModel model) {
        BigDecimal threshold;
        try {
            threshold = new BigDecimal(config.eligibility_threshold().strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting 'eligibility.threshold' in " + CONFIG_FILE + " is not a number: "
                    + config.eligibility_threshold());
        }
        if (threshold.signum() < 0 || threshold.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("setting 'eligibility.threshold' in " + CONFIG_FILE + " must be 0-100");
        }
        ImportOptions d = ImportOptions.defaults();
        ImportOptions options = new ImportOptions(config.max_bytes(), config.max_rows(), d.maxErrors(), d.maxUncompressedBytes(),
                threshold, d.requireCompleteForms());
        this.cycles = cycles;
        this.participants = participants;
        this.reader = new ParticipantImport(new RegistryProgramCatalog(instruments, model), options);
    }

    @Override
    public ImportReport importParticipants(Account actor, long cycleId, byte[] file, boolean commit) {
        cycles.get(cycleId).orElseThrow(() -> new WorkflowException(Kind.NOT_FOUND, "cycleNotFound", Texts.get("cycle.notFound")));
        ImportResult<ParticipantRow> result;
        try {
            result = reader.read(new ByteArrayInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!result.errors().isEmpty()) {
            throw new WorkflowException(Kind.INVALID, "importInvalid", Texts.get("import.invalid", result.errorCount()), result.errors());
        }
        List<ImportError> outside = new ArrayList<>();
        for (ParticipantRow r : result.rows()) {
            if (!actor.covers(r.province(), r.regency())) {
                outside.add(new ImportError(r.row(), "provinsi", "outOfRegion", Texts.get("import.outOfRegion", r.row(), r.province(),
                        actor.province() + (actor.district() == null ? "" : ", " + actor.district()))));
            }
        }
        if (!outside.isEmpty()) {
            throw new WorkflowException(Kind.FORBIDDEN, "outOfRegion", Texts.get("import.invalid", outside.size()), outside);
        }
        List<ImportRow> rows = result.rows().stream().map(EnrolmentComponent::toImportRow).toList();
        ImportCounts c = participants.importRows(cycleId, rows, commit, actor.actor(), rows.size() + " rows");
        int eligible = (int) result.rows().stream().filter(ParticipantRow::eligible).count();
        List<ImportReport.PreviewRow> preview = result.rows().stream().limit(PREVIEW_ROWS).map(r -> new ImportReport.PreviewRow(
                r.row(), r.nip(), r.name(), r.email(), r.category().name(), r.level() == null ? null : r.level().name(), r.province(),
                r.regency(), r.programCode(), r.trainingScore().toPlainString(), r.eligible(), r.ineligibilityReason())).toList();
        return new ImportReport(commit, rows.size(), eligible, rows.size() - eligible, c.participantsCreated(), c.participantsUpdated(),
                c.participantsUnchanged(), c.enrolmentsCreated(), c.enrolmentsUpdated(), c.enrolmentsUnchanged(), preview);
    }

    static ImportRow toImportRow(ParticipantRow r) {
        String key = r.nip() != null ? "nip:" + r.nip() : "email:" + r.email().toLowerCase(Locale.ROOT);
        ParticipantRecord p = new ParticipantRecord(0, key, r.nip(), r.email(), r.name(), r.phone(), r.category().name(),
                r.level() == null ? null : r.level().name(), r.institution(), r.province(), r.regency(), null, null);
        return new ImportRow(p, r.programCode(), r.trainingScore(), r.eligible(), r.ineligibilityReason());
    }
}
