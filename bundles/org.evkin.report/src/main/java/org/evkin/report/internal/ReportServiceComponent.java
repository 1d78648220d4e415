package org.evkin.report.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.evkin.exchange.Provinces;
import org.evkin.instrument.InstrumentDefinition;
import org.evkin.instrument.InstrumentRegistry;
import org.evkin.model.CompetencyModel;
import org.evkin.model.Target;
import org.evkin.report.IndividualReport;
import org.evkin.report.NationalFilter;
import org.evkin.report.NationalReport;
import org.evkin.report.ReportService;
import org.evkin.scoring.ScoringRules;
import org.evkin.store.CycleStore;
import org.evkin.store.FormStore;
import org.evkin.store.ParticipantRecord;
import org.evkin.store.ParticipantStore;
import org.evkin.store.ResponseScan;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The report service: loads a cycle's forms, scores them with the engine, and shapes the individual and national reports. */
@Component(name = "org.evkin.report", service = ReportService.class)
@Designate(ocd = ReportConfig.class)
public class ReportServiceComponent implements ReportService {

    private static final Logger LOG = LoggerFactory.getLogger(ReportServiceComponent.class);

    private final CompetencyModel model;
    private final InstrumentRegistry registry;
    private final CycleDataLoader loader;
    private final IndividualReports individuals;
    private volatile ScoringRules rules;

    @Activate
    public ReportServiceComponent(@Reference CompetencyModel model, @Reference InstrumentRegistry registry,
            @Reference CycleStore cycles, @Reference ParticipantStore participants, @Reference FormStore forms,
            @Reference ResponseScan scan, ReportConfig config) {
        this.model = model;
        this.registry = registry;
        this.loader = new CycleDataLoader(cycles, participants, forms, scan, model, this::definition);
        this.individuals = new IndividualReports(model);
        modified(config);
    }

    @Modified
    void modified(ReportConfig config) {
        try {
            this.rules = ScoringSettings.from(config);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config/org.evkin.report.cfg: " + e.getMessage(), e);
        }
        LOG.info("Scoring: {} bands, weights {}, ideal threshold {}", rules.bands().list().size(), rules.weights(), rules.idealThreshold());
    }

    private InstrumentDefinition definition(String program, String version) {
        if (version != null) {
            InstrumentDefinition d = registry.version(program, version).orElse(null);
            if (d != null) {
                return d;
            }
        }
        return registry.current(program).orElse(null);
    }

    /**
     * One evaluator per report. It looks each (program, version) up once: the registry's current version walks every
     * served instrument, once per enrolment that was 6 % of a national report's CPU. Within one report a program then
     * also keeps one current version, even when a bundle is deployed while the report is built.
     */
    private Evaluator evaluator() {
        Map<List<String>, Optional<InstrumentDefinition>> seen = new HashMap<>();
        return new Evaluator(rules, (program, version) -> seen.computeIfAbsent(Arrays.asList(program, version),
                k -> Optional.ofNullable(definition(program, version))).orElse(null));
    }

    @Override
    public IndividualReport individual(long cycleId, long participantId) {
        CycleData data = loader.loadParticipant(cycleId, participantId);
        Evaluation ev = evaluator().evaluate(data, data.participants().get(0), null);
        return individuals.build(data.cycle(), ev, Instant.now());
    }

    @Override
    public int individuals(long cycleId, String program, String province, String district, Consumer<IndividualReport> each) {
        CycleData data = loader.loadCycle(cycleId, province, district);
        Evaluator evaluator = evaluator();
        Instant now = Instant.now();
        int n = 0;
        for (ParticipantRecord p : data.participants()) {
            boolean inScope = data.enrolments().getOrDefault(p.id(), List.of()).stream()
                    .anyMatch(e -> e.eligible() && (program == null || program.equals(e.programCode())));
            if (!inScope) {
                continue;
            }
            each.accept(individuals.build(data.cycle(), evaluator.evaluate(data, p, null), now));
            n++;
        }
        return n;
    }

    @Override
    public java.util.OptionalLong latestCycle(long participantId) {
        return loader.latestCycle(participantId);
    }

    @Override
    public NationalReport national(NationalFilter filter) {
        long started = System.nanoTime();
        String province = filter.province() == null ? null : Provinces.normalize(filter.province()).orElse(filter.province());
        CycleData data = loader.loadCycle(filter.cycleId(), filter.regionProvince(), filter.regionDistrict());
        String filterText = filterText(filter, data, province);
        Evaluator evaluator = evaluator();
        List<Evaluation> evaluations = new ArrayList<>();
        List<ParticipantRecord> people = data.participants();
        for (int i = 0; i < people.size(); i++) {
            ParticipantRecord p = people.get(i);
            if (province != null && !province.equals(p.province())) {
                continue;
            }
            if (filter.level() != null && !filter.level().equals("PAK".equals(p.kind()) ? "PAK" : p.level())) {
                continue;
            }
            Evaluation ev = evaluator.evaluate(data, p, filter.program(), false);
            if (!ev.programs().isEmpty()) {
                evaluations.add(ev.slim());
            }
        }
        data = null; // the forms' sums and ticks are no longer needed: let them go before the tables are built
        NationalReport report = new NationalReport(Texts.get("national.title"), filter, filterText,
                Instant.now(), new NationalTables(model, rules.bands()).all(evaluations));
        LOG.info("National report of cycle {} ({} participants in scope) computed in {} ms", filter.cycleId(), evaluations.size(),
                (System.nanoTime() - started) / 1_000_000);
        return report;
    }

    private String filterText(NationalFilter filter, CycleData data, String province) {
        List<String> parts = new ArrayList<>();
        parts.add(Texts.get("national.filter.cycle", data.cycle().name()));
        if (filter.program() != null) {
            InstrumentDefinition d = definition(filter.program(), null);
            parts.add(Texts.get("national.filter.program", d == null ? filter.program() : d.title() + " (" + filter.program() + ")"));
        }
        if (filter.level() != null) {
            String label = "PAK".equals(filter.level()) ? Target.PAK.label()
                    : Target.parseLevel(filter.level()).map(Target::label).orElse(filter.level());
            parts.add(Texts.get("national.filter.level", label));
        }
        if (province != null) {
            parts.add(Texts.get("national.filter.province", province));
        }
        if (filter.regionProvince() != null) {
            parts.add(Texts.get("national.filter.region", filter.regionProvince()
                    + (filter.regionDistrict() == null ? "" : " – " + filter.regionDistrict())));
        }
        return String.join(" · ", parts);
    }
}
