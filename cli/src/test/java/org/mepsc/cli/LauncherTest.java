package org.mepsc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code mepsc} launcher script on a copy of a checkout (the script, the shaded jar, the demo
 * recording): its class-data archive is made once per jar, used, remade when the jar changes, and
 * never changes what a run prints; short jobs run with Java's quick compiler only. Runs after
 * {@code package} (it needs the jar), in the cli module's {@code launcher} execution.
 */
@Tag("launcher")
class LauncherTest {

    private static final String ARCHIVING = "recording the classes a detection loads";

    @TempDir
    Path checkout;

    @BeforeEach
    void copyCheckout() throws IOException {
        Path root = Path.of(System.getProperty("mepsc.root", ".."));
        Path jar = Path.of(System.getProperty("mepsc.jar", "target/mepsc.jar"));
        assumeTrue(Files.isRegularFile(jar), "the shaded jar is built by package");
        Files.createDirectories(checkout.resolve("cli/target"));
        Files.createDirectories(checkout.resolve("testdata"));
        Files.copy(root.resolve("mepsc"), checkout.resolve("mepsc"));
        Files.copy(jar, checkout.resolve("cli/target/mepsc.jar"));
        Files.copy(root.resolve("testdata/demo.abf"), checkout.resolve("testdata/demo.abf"));
    }

    /** The launcher names an archive after the Java runtime's {@code release} file, and makes none without one. */
    private static void assumeRuntimeRelease() {
        assumeTrue(Files.isRegularFile(Path.of(System.getProperty("java.home"), "release")), "a Java runtime with a release file");
    }

    @Test
    void archiveIsMadeOnceUsedAndRemadeForANewJar() throws Exception {
        assumeRuntimeRelease();
        Result first = launch(Map.of(), "detect", "testdata/demo.abf");
        assertThat(first.code).as(first.err).isZero();
        assertThat(first.err).contains(ARCHIVING);
        Path archive = onlyArchive();
        assertThat(Files.size(archive)).isGreaterThan(1 << 20);

        // the second start maps the archive's classes, and prints the same summary
        Result second = launch(Map.of("MEPSC_JAVA_OPTS", "-Xlog:class+load=info:file=" + checkout.resolve("classes.log")),
                "detect", "testdata/demo.abf");
        assertThat(second.code).as(second.err).isZero();
        assertThat(second.err).doesNotContain(ARCHIVING);
        assertThat(second.out).isEqualTo(first.out);
        long mapped;
        try (Stream<String> lines = Files.lines(checkout.resolve("classes.log"))) {
            mapped = lines.filter(l -> l.contains("org.mepsc.") && l.contains("shared objects file (top)")).count();
        }
        assertThat(mapped).as("mepsc classes mapped from the archive").isGreaterThan(100);

        Result without = launch(Map.of("MEPSC_CDS", "off"), "detect", "testdata/demo.abf");
        assertThat(without.out).isEqualTo(first.out);

        // a jar rebuilt after the archive was made gets a new archive
        Path jar = checkout.resolve("cli/target/mepsc.jar");
        FileTime before = FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000);
        Files.setLastModifiedTime(archive, before);
        Result rebuilt = launch(Map.of(), "--version");
        assertThat(rebuilt.code).isZero();
        assertThat(rebuilt.err).contains(ARCHIVING);
        assertThat(Files.getLastModifiedTime(onlyArchive())).isGreaterThan(Files.getLastModifiedTime(jar));
    }

    @Test
    void anArchiveJavaCannotUseIsIgnoredSilently() throws Exception {
        assumeRuntimeRelease();
        Result clean = launch(Map.of("MEPSC_CDS", "off"), "--version");
        assertThat(launch(Map.of(), "--version").err).contains(ARCHIVING);
        Path archive = onlyArchive();
        archive.toFile().setWritable(true);
        Files.writeString(archive, "not an archive".repeat(1000));
        Path jar = checkout.resolve("cli/target/mepsc.jar");
        Files.setLastModifiedTime(archive, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        Result garbled = launch(Map.of(), "--version");
        assertThat(garbled.code).isZero();
        assertThat(garbled.out).isEqualTo(clean.out);
        assertThat(garbled.err).isEmpty();
    }

    @Test
    void shortJobsRunWithTheQuickCompilerOnly() throws Exception {
        String flags = "-XX:+PrintFlagsFinal";
        assertThat(stopLevel(launch(Map.of("MEPSC_JAVA_OPTS", flags), "detect", "testdata/demo.abf").out)).isEqualTo("1");
        // a long recording keeps the optimising compiler (the file's size is what counts: it need not be read)
        Path big = checkout.resolve("big.abf");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(30L << 20);
        }
        assertThat(stopLevel(launch(Map.of("MEPSC_JAVA_OPTS", flags), "info", "big.abf").out)).isEqualTo("4");
        // commands that run long whatever their inputs keep it too, and the user's option wins
        assertThat(stopLevel(launch(Map.of("MEPSC_JAVA_OPTS", flags), "batch", "--help").out)).isEqualTo("4");
        assertThat(stopLevel(launch(Map.of("MEPSC_JAVA_OPTS", flags + " -XX:TieredStopAtLevel=4"), "detect",
                "testdata/demo.abf").out)).isEqualTo("4");
    }

    @Test
    void loopsAreCompiledOnTheStackSooner() throws Exception {
        String flags = "-XX:+PrintFlagsFinal";
        assertThat(flag(launch(Map.of("MEPSC_JAVA_OPTS", flags), "--version").out, "Tier3BackEdgeThreshold")).isEqualTo("5000");
        assertThat(flag(launch(Map.of("MEPSC_JAVA_OPTS", flags + " -XX:Tier3BackEdgeThreshold=60000"), "--version").out,
                "Tier3BackEdgeThreshold")).isEqualTo("60000");
    }

    @Test
    void theOptimisingCompilerWaitsForMoreCallsAndTurns() throws Exception {
        String flags = "-XX:+PrintFlagsFinal";
        String out = launch(Map.of("MEPSC_JAVA_OPTS", flags), "--version").out;
        assertThat(flag(out, "Tier4InvocationThreshold")).isEqualTo("150000");
        assertThat(flag(out, "Tier4MinInvocationThreshold")).isEqualTo("18000");
        assertThat(flag(out, "Tier4CompileThreshold")).isEqualTo("180000");
        assertThat(flag(out, "Tier4BackEdgeThreshold")).isEqualTo("1200000");
        assertThat(flag(launch(Map.of("MEPSC_JAVA_OPTS", flags + " -XX:Tier4BackEdgeThreshold=40000"), "--version").out,
                "Tier4BackEdgeThreshold")).isEqualTo("40000");
    }

    /** TieredStopAtLevel as -XX:+PrintFlagsFinal printed it. */
    private static String stopLevel(String flags) {
        return flag(flags, "TieredStopAtLevel");
    }

    /** A flag's value as -XX:+PrintFlagsFinal printed it. */
    private static String flag(String flags, String name) {
        return flags.lines().filter(l -> l.contains(" " + name + " ")).findFirst().orElseThrow()
                .replaceAll(".*= *(\\d+).*", "$1");
    }

    private Path onlyArchive() throws IOException {
        try (Stream<Path> files = Files.list(checkout.resolve("cli/target"))) {
            List<Path> archives = files.filter(p -> p.getFileName().toString().endsWith(".jsa")).toList();
            assertThat(archives).hasSize(1);
            return archives.get(0);
        }
    }

    private record Result(int code, String out, String err) {
    }

    private Result launch(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", checkout.resolve("mepsc").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(checkout.toFile());
        pb.environment().remove("MEPSC_JAVA_OPTS");
        pb.environment().remove("MEPSC_CDS");
        pb.environment().putAll(env);
        Path out = Files.createTempFile(checkout, "out", ".txt");
        Path err = Files.createTempFile(checkout, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the launcher finished").isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
