package org.evkin.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The server profile's attribution of perf samples to layers. */
class ServerProfileTest {

    /** Five samples as perf script -F comm,tid,ip,sym prints them (shortened stacks, taken from a real run). */
    private static final String SCRIPT = """
            qtp1171255580-3 22801
            \t    7f2a3d133bbc boolean java.util.regex.Pattern$CharPropertyGreedy.match(java.util.regex.Matcher, int, java.lang.CharSequence)
            \t    7f2a3d55019c java.util.regex.MatchResult org.glassfish.jersey.uri.PatternWithGroups.match(java.lang.CharSequence)
            \t    7f2a3d919344 org.glassfish.jersey.internal.util.collection.Value org.glassfish.jersey.servlet.ServletContainer.service(java.net.URI, java.net.URI, jakarta.servlet.http.HttpServletRequest, jakarta.servlet.http.HttpServletResponse)
            \t    7f2a3d8f3440 void org.eclipse.jetty.ee10.servlet.ServletChannel.handle()

            qtp1171255580-7 22805
            \tffffffff8225fd19 pvm_irq_enable
            \tffffffff82266833 schedule
            \tffffffff8226de83 do_sys_poll
            \t    7f2a3c9a11b0 __poll
            \t    7f2a3d0a0f10 int sun.nio.ch.Net.poll(java.io.FileDescriptor, int, long)
            \t    7f2a3d0b2a30 int org.mariadb.jdbc.client.socket.impl.ReadAheadBufferedStream.read(byte[], int, int)
            \t    7f2a3d0c1a30 org.evkin.store.LinkContext org.evkin.store.internal.LinkStoreComponent.context(java.sql.ResultSet, java.lang.String, boolean)

            qtp1171255580-9 22807
            \t    7f2a3d44b480 java.lang.Object org.glassfish.jersey.internal.Errors.process(java.util.concurrent.Callable, boolean)
            \t    7f2a3d8d5818 void org.apache.felix.http.base.internal.dispatch.Dispatcher$1.doFilter(jakarta.servlet.ServletRequest, jakarta.servlet.ServletResponse, jakarta.servlet.FilterChain)

            C2 CompilerThre 22750
            \t          a1b2c3 Compile::Compile
            \t          a1b2d4 C2Compiler::compile_method

            qtp1171255580-4 22802
            \tffffffff8225fd19 pvm_irq_enable
            \tffffffff82266833 futex_wait
            \t    7f2a3ca5f9c7 __futex_abstimed_wait_common
            """;

    @Test
    void eachSampleCountsForTheInnermostKnownClassAndItsKernelPartIsKept() throws Exception {
        ServerProfile.Attribution a = ServerProfile.attribute(new BufferedReader(new StringReader(SCRIPT)));
        assertEquals(5, a.samples());
        assertEquals(2, a.byLayer().get("jersey+hk2"), "regex under Jersey's router, and Jersey under Felix's dispatcher");
        assertEquals(1, a.byLayer().get("mariadb-driver"), "a poll in the kernel under the driver's read counts for the driver");
        assertEquals(1, a.kernelByLayer().get("mariadb-driver"));
        assertEquals(1, a.byLayer().get("jvm: jit compiler"));
        assertEquals(1, a.byLayer().get("request threads, no Java frame"));
        assertEquals(40.0, a.percent("jersey+hk2"), 1e-9);
        assertEquals(40.0, a.kernelPercent(), 1e-9, "two of five samples were taken in the kernel");
        assertEquals(null, a.byLayer().get("evkin"), "EvKin below the driver's read does not count: the innermost known frame does");
        assertEquals(5, a.json().path("samples").asInt());
        assertEquals(40.0, a.json().path("percentByLayer").path("jersey+hk2").path("percent").asDouble(), 1e-9);
    }

    @Test
    void onlyTheDeclaringClassNamesTheLayerNotTheParameterTypes() {
        assertEquals("jersey+hk2", ServerProfile.layerOf("org.glassfish.jersey.internal.util.collection.Value "
                + "org.glassfish.jersey.servlet.ServletContainer.service(java.net.URI, jakarta.servlet.http.HttpServletRequest)"));
        assertEquals("felix-http", ServerProfile.layerOf(
                "void org.apache.felix.http.base.internal.dispatch.Dispatcher$1.doFilter(org.eclipse.jetty.server.Request)"));
        assertEquals("evkin", ServerProfile.layerOf("org.evkin.workflow.FormInput org.evkin.rest.internal.LinkResource.input(java.util.Map)"));
        assertNull(ServerProfile.layerOf("int sun.nio.ch.Net.poll(java.io.FileDescriptor, int, long)"));
        assertNull(ServerProfile.layerOf("pvm_irq_enable"));
        assertNull(ServerProfile.layerOf("Interpreter"));
    }

    @Test
    void theServerGetsFramePointersOnce() {
        assertEquals("-XX:+PreserveFramePointer", ServerProfile.withJvmOptions(""));
        assertEquals("-Devkin.http.threads=24 -XX:+PreserveFramePointer", ServerProfile.withJvmOptions("-Devkin.http.threads=24"));
        assertEquals("-XX:+PreserveFramePointer -Xmx1g", ServerProfile.withJvmOptions("-XX:+PreserveFramePointer -Xmx1g"));
    }

    @Test
    void noSamplesGiveZeroes() throws Exception {
        ServerProfile.Attribution a = ServerProfile.attribute(new BufferedReader(new StringReader("")));
        assertEquals(0, a.samples());
        assertEquals(0.0, a.kernelPercent());
        assertEquals("", a.table());
    }
}
