package org.mepsc.pipeline;

/**
 * How a run spreads its work; never changes a result.
 *
 * @param threads worker threads
 * @param chunkSamples detection-rate samples per task
 */
public record Execution(int threads, int chunkSamples) {

    public Execution {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (chunkSamples < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1, got " + chunkSamples);
        }
    }

    /** All cores, chunks of 2^17 samples. */
    public static Execution defaults() {
        return new Execution(Runtime.getRuntime().availableProcessors(), 1 << 17);
    }
}
