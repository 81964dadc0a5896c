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

    /**
     * All cores, chunks of 2^19 samples: fewer chunk boundaries, each a filter block that two workers
     * need (docs/benchmarks-history.md: on a 1-hour 20 kHz recording with mains hum two threads ran
     * 1.36× as fast as one with 2^17-sample chunks, 1.53× with 2^19, measured before the workers
     * shared those blocks; without hum, measured again in docs/benchmarks.md, 2^17 to 2^21 cost the
     * same within the noise).
     */
    public static Execution defaults() {
        return new Execution(Runtime.getRuntime().availableProcessors(), 1 << 19);
    }
}
