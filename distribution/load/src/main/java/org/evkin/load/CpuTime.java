package org.evkin.load;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process has used so far, from /proc/PID/stat, in milliseconds: in all (user + system) and the part of it
 * spent in the kernel (system calls, context switches, page faults; on a guest whose hypervisor makes those dear, this
 * is where the same work costs more than elsewhere); both -1 when unknown. Both come from one read, so they belong to
 * the same instant. CPU time per request is far less sensitive than throughput to other programs sharing the machine.
 */
record CpuTime(long millis, long systemMillis) {

    private static final long TICK_MS = 10; // USER_HZ is 100 on Linux

    static CpuTime of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is field 3, so utime (14) and stime (15) are at 11 and 12 here
            long user = Long.parseLong(f[11]) * TICK_MS;
            long system = Long.parseLong(f[12]) * TICK_MS;
            return new CpuTime(user + system, system);
        } catch (Exception e) {
            return new CpuTime(-1, -1);
        }
    }

    /** The CPU time used between an earlier reading and this one. */
    CpuTime since(CpuTime earlier) {
        return new CpuTime(millis - earlier.millis, systemMillis - earlier.systemMillis);
    }
}
