package org.mepsc.bench;

/** Options every benchmark's forked JVM gets besides those it inherits from the one that runs JMH. */
final class ForkOptions {

    /**
     * The incubating Vector API's module, as {@code ./mepsc} adds it: with it the engine uses its
     * Vector API kernels (same results, faster), without it their plain versions.
     */
    static final String VECTOR_API = "--add-modules=jdk.incubator.vector";

    private ForkOptions() {
    }
}
