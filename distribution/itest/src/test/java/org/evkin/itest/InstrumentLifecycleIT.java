package org.evkin.itest;

import java.io.IOException;
import javax.inject.Inject;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * The instrument extender against real bundle life cycles, in the same framework as {@link EvKinFrameworkIT} (see
 * {@link FrameworkConfiguration}; PerClass: a framework of its own). The checks build instrument bundles in memory from
 * the COP-BISINDO-2025 descriptor (code ITEST-LIFECYCLE-2026) and install, update and uninstall them through the
 * BundleContext, watching the service registry and the InstrumentRegistry.
 * <p>
 * The lifecycle methods are one scenario on one bundle, run in name order (1 to 5); a step whose predecessor failed
 * fails at once saying so. As in {@link EvKinFrameworkIT} this class names no product type: the checks live in
 * {@link InstrumentLifecycleChecks}, which only the probe loads.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class InstrumentLifecycleIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws IOException {
        return FrameworkConfiguration.options();
    }

    @Test
    public void lifecycle1InstallServesVersion100() throws Exception {
        InstrumentLifecycleChecks.installServesFirstVersion(context);
    }

    @Test
    public void lifecycle2UpdateServesVersion110WithoutGap() throws Exception {
        InstrumentLifecycleChecks.updateServesNewVersionWithoutGap(context);
    }

    @Test
    public void lifecycle3BrokenUpdateKeepsVersion110() throws Exception {
        InstrumentLifecycleChecks.brokenUpdateKeepsPreviousVersion(context);
    }

    @Test
    public void lifecycle4LowerVersionIsRejected() throws Exception {
        InstrumentLifecycleChecks.lowerVersionIsRejected(context);
    }

    @Test
    public void lifecycle5UninstallWithdrawsAndKeepsSnapshots() throws Exception {
        InstrumentLifecycleChecks.uninstallWithdrawsButKeepsSnapshots(context);
    }

    @Test
    public void missingDescriptorIsRejected() throws Exception {
        InstrumentLifecycleChecks.missingDescriptorIsRejected(context);
    }
}
