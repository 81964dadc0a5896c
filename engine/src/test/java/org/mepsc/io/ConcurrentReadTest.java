package org.mepsc.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mepsc.recording.Recording;
import org.mepsc.testing.ConcurrentReads;
import org.mepsc.testing.ConcurrentReads.Reference;
import org.mepsc.testing.RealData;

/**
 * Every real recording read from many threads at once, through one shared instance and through
 * an instance per thread, and all of them at the same time: every sample equals a serial read.
 */
class ConcurrentReadTest {

    private static final int THREADS = 8;
    private static final int READS = 150;

    static Stream<Path> recordings() {
        return RealData.withOracle("abf", "nwb", "dat", "wcp", "axgx", "axgd", "axg", "atf").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void oneInstanceSharedByManyThreads(Path file) throws Exception {
        Reference ref = serialReference(file);
        try (Recording shared = RecordingReaders.openFile(file)) {
            List<Callable<List<String>>> tasks = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                tasks.add(ConcurrentReads.task(ref, () -> shared, false, t, READS));
            }
            ConcurrentReads.assertAllAgree(tasks);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void anInstancePerThread(Path file) throws Exception {
        Reference ref = serialReference(file);
        List<Callable<List<String>>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            tasks.add(ConcurrentReads.task(ref, () -> RecordingReaders.openFile(file), true, t, READS));
        }
        ConcurrentReads.assertAllAgree(tasks);
    }

    @Test
    void everyRecordingAtOnce() throws Exception {
        List<Callable<List<String>>> tasks = new ArrayList<>();
        for (Path file : recordings().toList()) {
            Reference ref = serialReference(file);
            tasks.add(ConcurrentReads.task(ref, () -> RecordingReaders.openFile(file), true, 1, READS));
            tasks.add(ConcurrentReads.task(ref, () -> RecordingReaders.openFile(file), true, 2, READS));
        }
        if (!tasks.isEmpty()) {
            ConcurrentReads.assertAllAgree(tasks);
        }
    }

    private static Reference serialReference(Path file) throws Exception {
        try (Recording r = RecordingReaders.openFile(file)) {
            return ConcurrentReads.serial(file.getFileName().toString(), r);
        }
    }
}
