package org.evkin.security.internal;

/** The cost parameters of one Argon2id hash: memory in KiB, iterations and lanes. */
record Argon2Cost(int memoryKib, int iterations, int parallelism) {

    /** Largest memory accepted, in configuration and in stored hashes: 1 GiB. */
    static final int MAX_MEMORY_KIB = 1 << 20;
    static final int MAX_ITERATIONS = 20;
    static final int MAX_PARALLELISM = 16;

    /** Whether Argon2 can run with these values and they stay within the bounds above (a tampered hash cannot exhaust memory). */
    boolean isSane() {
        return parallelism >= 1 && parallelism <= MAX_PARALLELISM
                && iterations >= 1 && iterations <= MAX_ITERATIONS
                && memoryKib >= 8 * parallelism && memoryKib <= MAX_MEMORY_KIB;
    }

    /** From configuration, each value checked with a message naming its setting. */
    static Argon2Cost from(SecurityConfig config) {
        int p = Settings.inRange("argon2.parallelism", config.argon2_parallelism(), 1, MAX_PARALLELISM);
        int m = Settings.inRange("argon2.memory.kib", config.argon2_memory_kib(), 8192, MAX_MEMORY_KIB);
        int t = Settings.inRange("argon2.iterations", config.argon2_iterations(), 1, MAX_ITERATIONS);
        return new Argon2Cost(m, t, p);
    }

    @Override
    public String toString() {
        return "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism;
    }
}
