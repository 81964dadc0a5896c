package org.mepsc.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.mepsc.io.RecordingWriters;
import org.mepsc.recording.AbstractRecording;
import org.mepsc.recording.AcquisitionMode;
import org.mepsc.recording.Channel;
import org.mepsc.recording.RecordingMetadata;
import org.mepsc.recording.Sweep;

/**
 * The child process of the kill tests: starts writing an output, and once its temporary file
 * holds {@link #PARTLY} bytes creates a marker file and hangs, so the parent can kill it at a
 * known moment: mid-write. A watchdog ends it after two minutes should the parent not.
 *
 * <p>Arguments: {@code text TARGET MARKER} writes text through {@link AtomicOutput} directly;
 * {@code FORMAT TARGET MARKER} writes a million-sample recording with that writer ("csv", "abf", …).
 */
public final class HalfWriter {

    /** Bytes in the temporary file that make a write "partly done". */
    static final long PARTLY = 64 << 10;

    private HalfWriter() {
    }

    public static void main(String[] args) throws IOException {
        String format = args[0];
        Path target = Path.of(args[1]);
        Path marker = Path.of(args[2]);
        Thread watchdog = new Thread(() -> {
            sleep(120_000);
            Runtime.getRuntime().halt(3);
        });
        watchdog.setDaemon(true);
        watchdog.start();
        if (format.equals("text")) {
            AtomicOutput.writeText(target, List.of(), w -> {
                for (long i = 0; ; i++) {
                    w.write("row " + i + ", a line of a table that is never finished\n");
                    if (i % 1000 == 0) {
                        w.flush();
                        hangOncePartlyWritten(target, marker);
                    }
                }
            });
        } else {
            GatedRecording r = new GatedRecording(target, marker);
            RecordingWriters.standard().byName(format).write(r, r.channels(), r.sweeps(), target, List.of());
        }
        System.exit(4); // the write finished: the gate never closed
    }

    /** Once the target's temporary file holds {@link #PARTLY} bytes: the marker, then hang. */
    static void hangOncePartlyWritten(Path target, Path marker) {
        if (temporarySize(target) < PARTLY) {
            return;
        }
        try {
            Files.createFile(marker);
        } catch (FileAlreadyExistsException e) {
            // said already
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        while (true) {
            sleep(60_000);
        }
    }

    private static long temporarySize(Path target) {
        String prefix = "." + target.getFileName() + ".";
        long size = 0;
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(target.toAbsolutePath().getParent())) {
            for (Path p : dir) {
                String n = p.getFileName().toString();
                if (n.startsWith(prefix) && n.endsWith(".part")) {
                    size = Math.max(size, Files.size(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return size;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A million samples of a slow sine in pA, one channel; every read first checks the gate. */
    static final class GatedRecording extends AbstractRecording {

        private final Path target;
        private final Path marker;

        GatedRecording(Path target, Path marker) {
            super(Optional.empty(), new RecordingMetadata("SIMULATED", "", AcquisitionMode.GAP_FREE, "", List.of(),
                    List.of(), Optional.empty()), List.of(Channel.of(0, "Im", "pA")),
                    List.of(new Sweep(0, 0, 1 << 20, 20_000)));
            this.target = target;
            this.marker = marker;
        }

        @Override
        protected void readChecked(int channel, int sweep, long start, int count, float[] dst, int offset) {
            hangOncePartlyWritten(target, marker);
            for (int i = 0; i < count; i++) {
                dst[offset + i] = (float) (-50 + 20 * Math.sin((start + i) * 1e-3));
            }
        }

        @Override
        public void close() {
        }
    }
}
