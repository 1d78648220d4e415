package org.evkin.itest;

import java.io.IOException;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * EvKin as the distribution runs it, inside a real Felix (see {@link FrameworkConfiguration}): every bundle active,
 * every component active, the services and the HTTP API answering.
 * <p>
 * Two sides: {@link #config()} runs in the test JVM ("driver") before the framework starts; the test methods run
 * inside the framework, in the probe bundle. The driver instantiates this class and reads its method signatures
 * without the product on its class path, so this class names no product type (org.evkin.*, Jackson, ...): the checks
 * live in {@link FrameworkChecks}, which only the probe loads. Pax Exam runs {@code @BeforeClass}/{@code @AfterClass}
 * inside the framework, per method: the database is therefore started by {@link #config()} and stopped by a shutdown
 * hook, after Pax Exam has stopped the framework.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EvKinFrameworkIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws IOException {
        return FrameworkConfiguration.options();
    }

    @Test
    public void everyBundleIsActive() {
        FrameworkChecks.everyBundleIsActive(context);
    }

    @Test
    public void everyComponentIsActive() throws Exception {
        FrameworkChecks.everyComponentIsActive(context);
    }

    @Test
    public void servicesAnswer() throws Exception {
        FrameworkChecks.servicesAnswer(context);
    }

    @Test
    public void httpApiAnswers() throws Exception {
        FrameworkChecks.httpApiAnswers(context);
    }

    @Test
    public void settingsAreTakenInPlace() throws Exception {
        FrameworkChecks.settingsAreTakenInPlace(context);
    }
}
