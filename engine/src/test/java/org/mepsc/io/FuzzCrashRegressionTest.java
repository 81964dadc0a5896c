package org.mepsc.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mepsc.io.ReaderFuzzing.Family;

/**
 * Every input a fuzzer ever broke a reader with, kept (minimised) in
 * {@code testdata/fuzz-crashes/<format>/}, judged again by the {@link ReaderOracle}: it must now
 * open cleanly or be refused with a one-line {@link org.mepsc.recording.RecordingFormatException}.
 * A file {@code X.json} beside a file {@code X} is X's sidecar, not an input of its own.
 */
class FuzzCrashRegressionTest {

    static Stream<Arguments> crashes() throws IOException {
        Path root = crashFolder();
        List<Arguments> all = new ArrayList<>();
        if (root == null) {
            return Stream.empty();
        }
        try (Stream<Path> formats = Files.list(root)) {
            for (Path format : formats.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(format)) {
                    for (Path f : files.filter(FuzzCrashRegressionTest::isInput).sorted().toList()) {
                        all.add(Arguments.of(format.getFileName() + "/" + f.getFileName(), f));
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("crashes")
    void isNowReadOrRefusedCleanly(String name, Path file) {
        String format = file.getParent().getFileName().toString();
        List<Family> families = AllReadersFuzzTest.FAMILIES.stream()
                .filter(f -> f.reader().formatName().toLowerCase(Locale.ROOT).equals(format)).toList();
        assertThat(families).as("a reader for the folder '%s'", format).hasSize(1);
        families.get(0).judge(file, name);
    }

    private static boolean isInput(Path f) {
        String n = f.getFileName().toString();
        return Files.isRegularFile(f) && !n.startsWith(".") && !n.equals("README.md")
                && !(n.endsWith(".json") && Files.exists(f.resolveSibling(n.substring(0, n.length() - 5))));
    }

    /** testdata/fuzz-crashes of the project, found from the working directory (a module or the root). */
    private static Path crashFolder() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("testdata").resolve("fuzz-crashes");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
