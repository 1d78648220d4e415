package org.evkin.model.internal;

import java.util.List;
import java.util.Optional;
import org.evkin.model.BlueprintEntry;
import org.evkin.model.Competency;
import org.evkin.model.CompetencyModel;
import org.evkin.model.Subcompetency;
import org.evkin.model.Target;
import org.evkin.model.Task;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes the bundled competency model as the CompetencyModel service. */
@Component(name = "org.evkin.model", service = CompetencyModel.class)
public class CompetencyModelComponent implements CompetencyModel {

    private static final Logger LOG = LoggerFactory.getLogger(CompetencyModelComponent.class);

    private final LoadedCompetencyModel model;

    public CompetencyModelComponent() {
        this.model = LoadedCompetencyModel.fromBundledResource();
        LOG.info("Competency model loaded: {} subkompetensi, {} tasks in the Part-1 catalog",
                model.subcompetencies().size(), model.tasks().size());
    }

    @Override
    public String source() {
        return model.source();
    }

    @Override
    public List<Competency> competencies() {
        return model.competencies();
    }

    @Override
    public List<Subcompetency> subcompetencies() {
        return model.subcompetencies();
    }

    @Override
    public Optional<Subcompetency> subcompetency(int no) {
        return model.subcompetency(no);
    }

    @Override
    public List<BlueprintEntry> blueprint(Target target) {
        return model.blueprint(target);
    }

    @Override
    public Optional<BlueprintEntry> blueprint(Target target, int subcompetency) {
        return model.blueprint(target, subcompetency);
    }

    @Override
    public List<Task> tasks() {
        return model.tasks();
    }

    @Override
    public Optional<Task> task(String code) {
        return model.task(code);
    }
}
