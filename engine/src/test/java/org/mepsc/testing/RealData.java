package org.mepsc.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The real recordings in {@code ../shared/testdata/real} (beside the project, never copied into it).
 *
 * <p>Where the folder is missing (a user's clone) tests that need it are skipped; with
 * {@code -Dmepsc.requireRealData=true} (as {@code .ci/run} sets) they fail instead.
 */
public final class RealData {

    private RealData() {
    }

    /** The folder, found from the project root; the test is skipped (or failed in CI) if absent. */
    public static Path dir() {
        Path dir = locate();
        boolean present = dir != null && Files.isDirectory(dir);
        if (Boolean.getBoolean("mepsc.requireRealData") && !present) {
            throw new AssertionError("../shared/testdata/real is required (mepsc.requireRealData) but missing");
        }
        assumeTrue(present, "../shared/testdata/real is absent: skipping tests on real recordings");
        return dir;
    }

    /** One file in the folder. */
    public static Path file(String name) {
        Path p = dir().resolve(name);
        assumeTrue(Files.isRegularFile(p), "missing real file " + name);
        return p;
    }

    /** Recordings with an oracle, whose oracle says they are of one of the given formats. */
    public static List<Path> withOracle(String... extensions) {
        Path dir = locate();
        if (dir == null || !Files.isDirectory(dir)) {
            if (Boolean.getBoolean("mepsc.requireRealData")) {
                throw new AssertionError("../shared/testdata/real is required but missing");
            }
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString().toLowerCase();
                if (n.endsWith(".json") || n.endsWith(".md") || n.endsWith(".txt")) {
                    return false;
                }
                for (String e : extensions) {
                    if (n.endsWith("." + e)) {
                        return Files.exists(p.resolveSibling(p.getFileName() + ".oracle.json"));
                    }
                }
                return false;
            }).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path locate() {
        String explicit = System.getProperty("mepsc.realdata");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        Path d = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && d != null; i++, d = d.getParent()) {
            Path candidate = d.resolve("../shared/testdata/real").normalize();
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
