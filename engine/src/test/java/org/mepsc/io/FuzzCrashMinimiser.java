package org.mepsc.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepsc.io.ReaderFuzzing.Family;

/**
 * Not a test but a tool, run on demand: shrinks a fuzzer's finding into a small file for
 * {@code testdata/fuzz-crashes/<format>/}, keeping it a finding at every step. It cuts the tail
 * while the input still fails, then zeroes ever smaller chunks, so what is left is the few bytes
 * that matter (and no longer a copy of a real recording).
 *
 * <pre>mvn -pl engine test -Dtest=FuzzCrashMinimiser -Dmepsc.minimise=/abs/path/to/finding.abf -Dmepsc.format=abf</pre>
 *
 * writes {@code <finding>.min} beside it (a raw file's {@code .json} sidecar is used as it is).
 * Skipped unless {@code mepsc.minimise} is set.
 */
class FuzzCrashMinimiser {

    /** Smallest chunk zeroed; finer steps cost much time and shrink little. */
    private static final int FINEST = 16;

    @TempDir
    Path dir;

    @Test
    void minimise() throws IOException {
        String input = System.getProperty("mepsc.minimise", "");
        assumeTrue(!input.isBlank(), "a tool: give -Dmepsc.minimise=FILE -Dmepsc.format=FORMAT");
        Path finding = Path.of(input);
        String format = System.getProperty("mepsc.format", "").toLowerCase(Locale.ROOT);
        Family family = AllReadersFuzzTest.FAMILIES.stream()
                .filter(f -> f.reader().formatName().toLowerCase(Locale.ROOT).equals(format)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("-Dmepsc.format= one of " + AllReadersFuzzTest.FAMILIES
                        .stream().map(f -> f.reader().formatName().toLowerCase(Locale.ROOT)).toList()));
        String name = finding.getFileName().toString();
        Path trial = dir.resolve(name);
        Path sidecar = finding.resolveSibling(name + ".json");
        if (Files.exists(sidecar)) { // a raw file's sidecar goes with it, as it is
            Files.copy(sidecar, dir.resolve(name + ".json"));
        }
        byte[] b = Files.readAllBytes(finding);
        assertThat(fails(family, trial, b)).as("%s is a finding to start with", finding).isTrue();

        for (int cut = b.length / 2; cut >= 1; cut /= 2) { // shorter, while it still fails
            while (b.length > cut && fails(family, trial, Arrays.copyOf(b, b.length - cut))) {
                b = Arrays.copyOf(b, b.length - cut);
            }
        }
        for (int chunk = Integer.highestOneBit(Math.max(1, b.length)); chunk >= FINEST; chunk /= 2) { // zeros
            for (int at = 0; at < b.length; at += chunk) {
                byte[] zeroed = b.clone();
                Arrays.fill(zeroed, at, Math.min(b.length, at + chunk), (byte) 0);
                if (!Arrays.equals(zeroed, b) && fails(family, trial, zeroed)) {
                    b = zeroed;
                }
            }
        }
        Path out = finding.resolveSibling(name + ".min");
        Files.write(out, b);
        System.out.println("minimised " + finding + " (" + Files.size(finding) + " bytes) to " + out + " ("
                + b.length + " bytes)");
    }

    private static boolean fails(Family family, Path file, byte[] bytes) throws IOException {
        Files.deleteIfExists(file);
        Files.write(file, bytes);
        try {
            family.judge(file, "trial");
            return false;
        } catch (AssertionError stillAFinding) {
            return true;
        }
    }
}
