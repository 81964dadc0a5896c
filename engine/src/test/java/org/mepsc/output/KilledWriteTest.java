package org.mepsc.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mepsc.io.RecordingWriter;
import org.mepsc.io.RecordingWriters;
import org.mepsc.recording.ArrayRecording;

/**
 * Outputs when the writing process dies: a child JVM ({@link HalfWriter}) writes through
 * {@link AtomicOutput} directly and through every {@link RecordingWriter}, and is killed once its
 * temporary file is partly written. The target must not appear (or must keep its old content
 * byte for byte), all that is left are hidden temporary files, and the next output to the same
 * target removes them, leaving what a clean run leaves (for raw, the file and its sidecar). A
 * graceful stop (SIGTERM, as Ctrl-C) leaves nothing at all.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KilledWriteTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    /** Markers live apart from the outputs, so the output folder holds only what the writers made. */
    @TempDir
    Path signals;

    static Stream<String> formats() {
        List<String> formats = new ArrayList<>(List.of("text"));
        RecordingWriters.standard().writers().forEach(w -> formats.add(w.formatName()));
        return formats.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void aWriteKilledOutrightLeavesNoOutputAndTheNextRunRemovesItsLeftover(String format) throws Exception {
        Path target = dir.resolve("out." + extension(format));
        killMidWrite(format, target, true);

        assertThat(target).doesNotExist();
        assertOnlyHiddenTemporaryFiles(target);

        writeSmallOutput(format, target);
        assertThat(names(dir)).isEqualTo(namesOfACleanRun(format, target));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void anExistingOutputSurvivesAKilledReplacementWhole(String format) throws Exception {
        Path target = dir.resolve("out." + extension(format));
        Map<Path, byte[]> old = new TreeMap<>();
        SplittableRandom rnd = new SplittableRandom(format.hashCode());
        for (String name : namesOfACleanRun(format, target)) { // the output and its sidecars, if any
            byte[] bytes = new byte[200_000];
            rnd.nextBytes(bytes);
            old.put(Files.write(dir.resolve(name), bytes), bytes);
        }
        killMidWrite(format, target, true);

        for (Map.Entry<Path, byte[]> e : old.entrySet()) {
            assertThat(Files.readAllBytes(e.getKey())).as("old %s, byte for byte", e.getKey().getFileName())
                    .isEqualTo(e.getValue());
        }
        assertThat(list(dir).stream().filter(p -> !old.containsKey(p))).allMatch(KilledWriteTest::isHiddenTemporary);

        writeSmallOutput(format, target);
        assertThat(names(dir)).isEqualTo(namesOfACleanRun(format, target));
        assertThat(Files.readAllBytes(target)).isNotEqualTo(old.get(target));
    }

    @Test
    void aRunStoppedGracefullyLeavesNothing() throws Exception {
        Path target = dir.resolve("out.csv");
        killMidWrite("text", target, false);
        assertThat(list(dir)).as("SIGTERM runs the shutdown hook that removes the temporary file").isEmpty();
    }

    @Test
    void theTemporaryFileOfALiveWriterIsLeftAlone() throws Exception {
        Path target = dir.resolve("out.csv");
        Process child = startHalfWriter("text", target);
        try {
            awaitMarker(child);
            Path live = hiddenTemporaryFile(target);
            AtomicOutput.writeText(target, List.of(), w -> w.write("another run's output\n"));
            assertThat(live).as("still being written by a live process").exists();
            assertThat(target).hasContent("another run's output");
        } finally {
            child.destroyForcibly().waitFor();
        }
        AtomicOutput.writeText(target, List.of(), w -> w.write("after the kill\n"));
        assertThat(list(dir)).containsExactly(target);
    }

    /** Starts a child writing {@code format} to {@code target}, waits until it is mid-write, and stops it. */
    private void killMidWrite(String format, Path target, boolean outright) throws Exception {
        Process child = startHalfWriter(format, target);
        try {
            awaitMarker(child);
        } finally {
            if (outright) {
                child.destroyForcibly(); // SIGKILL: no finally blocks, no shutdown hooks
            } else {
                child.destroy(); // SIGTERM: shutdown hooks run
            }
            assertThat(child.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the child ended").isTrue();
        }
    }

    private Process startHalfWriter(String format, Path target) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xmx128m", "-cp", classPath, HalfWriter.class.getName(), format,
                target.toString(), marker().toString())
                .redirectErrorStream(true)
                .redirectOutput(signals.resolve("child.log").toFile())
                .start();
    }

    private Path marker() {
        return signals.resolve("partly-written");
    }

    private void awaitMarker(Process child) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!Files.exists(marker())) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the child never reached the middle of its write (exit "
                        + (child.isAlive() ? "none" : child.exitValue()) + "): "
                        + Files.readString(signals.resolve("child.log")));
            }
            Thread.sleep(10);
        }
    }

    /** Nothing but hidden temporary files, the target's among them, partly written. */
    private void assertOnlyHiddenTemporaryFiles(Path target) throws IOException {
        Path temp = hiddenTemporaryFile(target);
        assertThat(Files.size(temp)).isGreaterThanOrEqualTo(HalfWriter.PARTLY);
        assertThat(list(dir)).allMatch(KilledWriteTest::isHiddenTemporary);
    }

    private static boolean isHiddenTemporary(Path p) {
        return p.getFileName().toString().matches("\\..+\\.\\d+-\\d+\\.part");
    }

    /** The names a complete write of {@code format} leaves in an empty folder. */
    private Set<String> namesOfACleanRun(String format, Path target) throws IOException {
        Path clean = Files.createDirectories(signals.resolve("clean"));
        writeSmallOutput(format, clean.resolve(target.getFileName()));
        return names(clean);
    }

    private static Set<String> names(Path dir) throws IOException {
        Set<String> names = new TreeSet<>();
        list(dir).forEach(p -> names.add(p.getFileName().toString()));
        return names;
    }

    /** The one temporary file of {@code target}: hidden, named {@code .<name>.<pid>-<random>.part}. */
    private Path hiddenTemporaryFile(Path target) throws IOException {
        String pattern = "\\." + target.getFileName().toString().replace(".", "\\.") + "\\.\\d+-\\d+\\.part";
        List<Path> temps = list(dir).stream().filter(p -> p.getFileName().toString().matches(pattern)).toList();
        assertThat(temps).as("temporary files of %s in %s", target.getFileName(), list(dir)).hasSize(1);
        return temps.get(0);
    }

    /** A complete, small output to {@code target}, as the next run would write it. */
    private static void writeSmallOutput(String format, Path target) throws IOException {
        if (format.equals("text")) {
            AtomicOutput.writeText(target, List.of(), w -> w.write("a whole table\n"));
            return;
        }
        ArrayRecording small = ArrayRecording.singleCurrent("Im", 10_000, new float[] {1, -2, 3, -4});
        RecordingWriters.standard().byName(format).write(small, small.channels(), small.sweeps(), target, List.of());
    }

    private static String extension(String format) {
        return format.equals("text") ? "csv" : RecordingWriters.standard().byName(format).extension();
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
