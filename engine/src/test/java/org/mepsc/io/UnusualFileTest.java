package org.mepsc.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mepsc.recording.Recording;
import org.mepsc.recording.RecordingFormatException;
import org.mepsc.testing.RealData;

/**
 * Files that change or are not files: a recording truncated while it is open (another program
 * rewriting it in place) and pipes or devices given as recordings end in a one-line
 * {@link RecordingFormatException}, never a JVM error or a wait for a writer that never comes.
 *
 * <p>Not ABF and NWB: they are memory-mapped (ABF for speed, NWB so that jhdf takes slices of
 * the file rather than allocating what a corrupt header claims), and the JVM reports a mapped page
 * that vanished with an asynchronous {@code InternalError} that no reader can catch reliably;
 * checking the file's size before every read would cost every read a system call and a lock (see
 * the README's "Robustness" section).
 */
class UnusualFileTest {

    @TempDir
    Path tmp;

    static Stream<Path> recordings() {
        return ConcurrentReadTest.recordings().filter(p -> !p.getFileName().toString().matches(".*\\.(abf|nwb)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void aRecordingTruncatedWhileOpenIsRefusedWhereItIsRead(Path real) throws IOException {
        Path copy = Files.copy(real, tmp.resolve("copy-" + real.getFileName()));
        try (Recording r = RecordingReaders.openFile(copy)) {
            try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                ch.truncate(1024); // inside every format's header: every sweep's end is gone
            }
            int last = r.sweeps().size() - 1;
            long length = r.sweep(last).length();
            for (int c = 0; c < r.channels().size(); c++) {
                int channel = c;
                assertThatThrownBy(() -> r.read(channel, last, length - 1, 1, new float[1], 0))
                        .isInstanceOf(RecordingFormatException.class)
                        .hasMessageStartingWith(copy + ": ")
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            }
        }
    }

    @Test
    void aNamedPipeIsRefusedAtOnce() throws Exception {
        Path fifo = tmp.resolve("recording.abf");
        assumeTrue(mkfifo(fifo), "mkfifo is not available");
        assertRefusedQuickly(fifo);
    }

    @Test
    void aDeviceIsRefused() {
        Path device = Path.of("/dev/zero");
        assumeTrue(Files.exists(device), "no /dev/zero here");
        assertRefusedQuickly(device);
    }

    /** Through detection and through every reader directly: no waiting, the reader's own exception. */
    private static void assertRefusedQuickly(Path file) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThatThrownBy(() -> RecordingReaders.openFile(file)).isInstanceOf(RecordingFormatException.class)
                    .hasMessage(file + ": is not a regular file (a pipe, device or socket); recordings are read from files");
            for (RecordingReader reader : RecordingReaders.standard().readers()) {
                assertThatThrownBy(() -> reader.open(file, OpenOptions.DEFAULT)).as(reader.formatName())
                        .isInstanceOf(RecordingFormatException.class).hasMessageContaining("not a regular file");
            }
        });
    }

    private static boolean mkfifo(Path path) throws InterruptedException {
        try {
            return new ProcessBuilder("mkfifo", path.toString()).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
