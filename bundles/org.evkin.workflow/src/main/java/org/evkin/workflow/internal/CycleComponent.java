package org.evkin.workflow.internal;

import java.time.LocalDate;
import java.util.List;
import org.evkin.instrument.InstrumentRegistry;
import org.evkin.store.BatteryRecord;
import org.evkin.store.CycleRecord;
import org.evkin.store.CycleStore;
import org.evkin.workflow.Account;
import org.evkin.workflow.Battery;
import org.evkin.workflow.Cycle;
import org.evkin.workflow.CycleService;
import org.evkin.workflow.Role;
import org.evkin.workflow.WorkflowException;
import org.evkin.workflow.WorkflowException.Kind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Evaluation cycles and their batteries; only national admins change them. */
@Component(name = "org.evkin.cycles", service = CycleService.class)
public class CycleComponent implements CycleService {

    private final CycleStore store;
    private final InstrumentRegistry instruments;

    @Activate
    public CycleComponent(@Reference CycleStore store, @Reference InstrumentRegistry instruments) {
        this.store = store;
        this.instruments = instruments;
    }

    @Override
    public Cycle create(Account actor, String name) {
        requireNational(actor);
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 200) {
            throw new WorkflowException(Kind.INVALID, "nameRequired", Texts.get("cycle.nameRequired"));
        }
        CycleRecord c = store.create(n, actor.actor())
                .orElseThrow(() -> new WorkflowException(Kind.CONFLICT, "nameTaken", Texts.get("cycle.nameTaken", n)));
        return toCycle(c);
    }

    @Override
    public List<Cycle> list() {
        return store.list().stream().map(this::toCycle).toList();
    }

    @Override
    public Cycle get(long cycleId) {
        return toCycle(store.get(cycleId).orElseThrow(CycleComponent::notFound));
    }

    @Override
    public Battery setBattery(Account actor, long cycleId, String programCode, boolean active, LocalDate periodStart,
            LocalDate periodEnd, LocalDate extendedUntil) {
        requireNational(actor);
        store.get(cycleId).orElseThrow(CycleComponent::notFound);
        if (programCode == null || instruments.summary(programCode).isEmpty()) {
            throw new WorkflowException(Kind.NOT_FOUND, "unknownProgram", Texts.get("battery.unknownProgram", programCode));
        }
        if (periodStart == null || periodEnd == null || periodEnd.isBefore(periodStart)) {
            throw new WorkflowException(Kind.INVALID, "badPeriod", Texts.get("battery.badPeriod", periodStart, periodEnd));
        }
        if (extendedUntil != null && !extendedUntil.isAfter(periodEnd)) {
            throw new WorkflowException(Kind.INVALID, "badExtension", Texts.get("battery.badExtension", extendedUntil, periodEnd));
        }
        BatteryRecord b = new BatteryRecord(cycleId, programCode, active ? "ACTIVE" : "INACTIVE", periodStart, periodEnd, extendedUntil);
        store.saveBattery(b, actor.actor(), "status=" + b.status() + " period=" + periodStart + ".." + periodEnd
                + (extendedUntil == null ? "" : " extended to " + extendedUntil));
        return toBattery(b);
    }

    private Cycle toCycle(CycleRecord c) {
        return new Cycle(c.id(), c.name(), c.createdAt(), store.batteries(c.id()).stream().map(CycleComponent::toBattery).toList());
    }

    static Battery toBattery(BatteryRecord b) {
        return new Battery(b.programCode(), "ACTIVE".equals(b.status()), b.periodStart(), b.periodEnd(), b.extendedUntil());
    }

    static void requireNational(Account actor) {
        if (actor == null || actor.role() != Role.NATIONAL_ADMIN) {
            throw new WorkflowException(Kind.FORBIDDEN, "forbidden", Texts.get("auth.forbidden"));
        }
    }

    private static WorkflowException notFound() {
        return new WorkflowException(Kind.NOT_FOUND, "cycleNotFound", Texts.get("cycle.notFound"));
    }
}
