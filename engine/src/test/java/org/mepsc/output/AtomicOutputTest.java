package org.mepsc.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
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
}
