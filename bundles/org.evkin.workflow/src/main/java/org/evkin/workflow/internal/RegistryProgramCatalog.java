package org.evkin.workflow.internal;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.evkin.exchange.Category;
import org.evkin.exchange.ProgramCatalog;
import org.evkin.instrument.InstrumentDefinition;
import org.evkin.instrument.InstrumentRegistry;
import org.evkin.instrument.Item;
import org.evkin.instrument.TargetKind;
import org.evkin.model.CompetencyModel;
import org.evkin.model.Target;

/** The programs an import may name: those with a deployed instrument, their items per level, and the task catalog. */
final class RegistryProgramCatalog implements ProgramCatalog {

    private final InstrumentRegistry instruments;
    private final CompetencyModel model;

    RegistryProgramCatalog(InstrumentRegistry instruments, CompetencyModel model) {
        this.instruments = instruments;
        this.model = model;
    }

    private Optional<InstrumentDefinition> definition(String code) {
        return code == null ? Optional.empty() : instruments.current(code);
    }

    @Override
    public Optional<Category> programCategory(String programCode) {
        return definition(programCode).map(d -> d.targetKind() == TargetKind.PAK ? Category.PAK : Category.PK);
    }

    @Override
    public Set<String> itemCodes(String programCode, Target target) {
        return definition(programCode).map(d -> d.itemsFor(target).stream().map(Item::code).collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    @Override
    public boolean taskExists(String taskCode) {
        return model.task(taskCode).isPresent();
    }
}
