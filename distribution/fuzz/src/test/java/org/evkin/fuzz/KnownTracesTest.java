package org.evkin.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one third-party stack trace the fuzzer accepts is recognised exactly, and nothing like it besides. */
class KnownTracesTest {

    /** As CI's server log showed it (seed 58805984215107, case 1095). */
    static final String JETTY_RACE = """
            java.lang.IllegalStateException: already released ReferenceCounter@731a2044[r=0]
            \tat org.eclipse.jetty.io.Retainable$ReferenceCounter.lambda$release$0(Retainable.java:192)
            \tat java.base/java.util.concurrent.atomic.AtomicInteger.updateAndGet(AtomicInteger.java:281)
            \tat org.eclipse.jetty.io.Retainable$ReferenceCounter.release(Retainable.java:189)
            \tat org.eclipse.jetty.io.AbstractRetainableByteBuffer.release(AbstractRetainableByteBuffer.java:58)
            \tat org.eclipse.jetty.io.ArrayByteBufferPool$Buffer.release(ArrayByteBufferPool.java:800)
            \tat org.eclipse.jetty.server.internal.HttpConnection.releaseRequestBuffer(HttpConnection.java:343)
            \tat org.eclipse.jetty.server.internal.HttpConnection.onFillable(HttpConnection.java:479)
            \tat org.eclipse.jetty.server.internal.HttpConnection.run(HttpConnection.java:651)
            \tat org.eclipse.jetty.util.thread.QueuedThreadPool.runJob(QueuedThreadPool.java:981)
            \tat org.eclipse.jetty.util.thread.QueuedThreadPool$Runner.doRunJob(QueuedThreadPool.java:1211)
            \tat org.eclipse.jetty.util.thread.QueuedThreadPool$Runner.run(QueuedThreadPool.java:1166)
            \tat java.base/java.lang.Thread.run(Thread.java:840)""";

    private static boolean known(String trace) {
        return Fuzzer.KNOWN_THIRD_PARTY_TRACES.stream().anyMatch(p -> p.matcher(trace.strip()).matches());
    }

    @Test
    void jettysDoubleReleaseOfTheRequestBufferIsKnown() {
        assertTrue(known(JETTY_RACE));
    }

    @Test
    void anythingElseIsNot() {
        assertFalse(known(JETTY_RACE.replace("releaseRequestBuffer", "releaseResponseBuffer")), "another Jetty method");
        assertFalse(known(JETTY_RACE.replace("[r=0]", "[r=1]")), "another message");
        assertFalse(known(JETTY_RACE.replace("java.lang.IllegalStateException", "java.lang.NullPointerException")));
        assertFalse(known(JETTY_RACE + "\n\tat org.evkin.web.internal.Pages.render(Pages.java:1)"), "EvKin code on the stack");
        assertFalse(known(JETTY_RACE.replace("\tat org.eclipse.jetty.server.internal.HttpConnection.onFillable",
                "\tat org.evkin.rest.internal.ApiServlet.service")), "EvKin code between Jetty's frames");
    }
}
