package org.evkin.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The machine facts a load run records beside its figures. */
class MachineProbeTest {

    @Test
    void theHypervisorIsTheOneTheKernelReported() {
        String log = """
                [    0.000000] Command line: console=ttyS0 quiet pti=on
                [    0.000000] Hypervisor detected: PVM
                [    0.000000] kvm-clock: Using msrs 4b564d01 and 4b564d00
                """;
        assertEquals(Optional.of("PVM"), MachineProbe.hypervisorIn(log));
        assertEquals(Optional.of("KVM"), MachineProbe.hypervisorIn("[    0.000000] Hypervisor detected: KVM\n"));
        assertEquals(Optional.empty(), MachineProbe.hypervisorIn("[    0.000000] Linux version 6.1.0\n"));
    }

    @Test
    void aLoopbackRoundTripTakesMeasurableTime() throws Exception {
        double micros = MachineProbe.loopbackRoundTripMicros(3, 500);
        // a round trip is two sends, two receives and two thread wake-ups: never free, and far below a millisecond
        assertTrue(micros > 0.5 && micros < 1_000, "loopback round trip " + micros + " µs");
    }

    @Test
    void anUnreadableFileReadsAsAQuestionMark() {
        assertEquals("?", MachineProbe.line("/no/such/file"));
        assertTrue(!MachineProbe.line("/proc/sys/kernel/osrelease").isBlank());
    }

    @Test
    void anIntegerSysctlFileReadsWhole() {
        // at least 128 on every kernel (4096 since 5.4); Files.readString gave only its first digit
        String somaxconn = MachineProbe.line("/proc/sys/net/core/somaxconn");
        assertTrue(Integer.parseInt(somaxconn) >= 128, somaxconn);
    }
}
