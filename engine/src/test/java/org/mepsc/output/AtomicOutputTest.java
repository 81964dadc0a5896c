package org.mepsc.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {

    @TempDir
    Path dir;

    @Test
    void appearsOnlyWhenCommitted() throws IOException {
        Path target = dir.resolve("out.csv");
        try (AtomicOutput out = AtomicOutput.create(target)) {
            out.writer().write("a,b\n");
            out.writer().flush();
            assertThat(target).doesNotExist();
            out.commit();
        }
        assertThat(target).hasContent("a,b");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r--r--");
    }

    @Test
    void anAbandonedOutputLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old\n");
        assertThatThrownBy(() -> AtomicOutput.writeText(target, List.of(), w -> {
            w.write("half a table");
            throw new IOException("interrupted");
        })).hasMessage("interrupted");
        assertThat(target).hasContent("old");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void replacingKeepsThePermissionsOfTheReplacedFile() throws IOException {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old\n");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-r--"));
        AtomicOutput.writeText(target, List.of(), w -> w.write("new\n"));
        assertThat(target).hasContent("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-rw-r--");
    }

    @Test
    void refusesToWriteOverAnInput() throws IOException {
        Path input = dir.resolve("cell.abf");
        Files.writeString(input, "data");
        assertThatThrownBy(() -> AtomicOutput.create(dir.resolve("./cell.abf"), List.of(input)))
                .isInstanceOf(OutputRefusedException.class)
                .hasMessageContaining("input");
        assertThat(input).hasContent("data");
    }

    @Test
    void readersSeeTheOldOutputOrTheNewOneWholeNeverAMixture() throws Exception {
        Path target = dir.resolve("out.csv");
        int size = 1 << 20;
        AtomicOutput.writeText(target, List.of(), w -> w.write("a".repeat(size)));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        List<String> bad = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                try {
                    byte[] b = Files.readAllBytes(target);
                    boolean uniform = b.length == size;
                    for (int i = 1; uniform && i < b.length; i++) {
                        uniform = b[i] == b[0];
                    }
                    if (!uniform) {
                        bad.add(b.length + " bytes starting '" + (char) b[0] + "'");
                    }
                    reads.incrementAndGet();
                } catch (IOException e) {
                    bad.add(e.toString());
                }
            }
        });
        reader.start();
        for (int k = 1; k <= 40; k++) {
            String body = String.valueOf((char) ('a' + k % 26)).repeat(size);
            AtomicOutput.writeText(target, List.of(), w -> w.write(body));
        }
        stop.set(true);
        reader.join();
        assertThat(bad).as("reads that saw a partial or mixed file").isEmpty();
        assertThat(reads.get()).isPositive();
        assertThat(target).hasContent(String.valueOf((char) ('a' + 40 % 26)).repeat(size));
    }

    @Test
    void abandonedTemporaryFilesOfTheTargetAreRemovedAndNothingElse() throws IOException {
        long pid = ProcessHandle.current().pid();
        List<String> abandoned = List.of(".out.csv.123456.part", ".out.csv.99999999-123.part");
        List<String> kept = List.of(".out.csv." + pid + "-5.part", // this process's: possibly in use
                ".out.csv.b.1-2.part", // the target out.csv.b's
                ".other.csv.1-2.part", "out.csv.1-2.part", ".out.csv.notes.part", ".out.csv.1-2.partial");
        for (String n : concat(abandoned, kept)) {
            Files.writeString(dir.resolve(n), "left over");
        }
        AtomicOutput.writeText(dir.resolve("out.csv"), List.of(), w -> w.write("new\n"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(concat(kept, List.of("out.csv")));
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
