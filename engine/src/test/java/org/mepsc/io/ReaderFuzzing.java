package org.mepsc.io;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.mepsc.recording.RecordingMetadata;
import org.mepsc.testing.RealData;

/**
 * What every reader's fuzz test does with an input: write it as a file, judge it with the
 * {@link ReaderOracle}, and on a finding keep the file under {@code target/fuzz-findings/<format>/}
 * so it can be minimised into {@code testdata/fuzz-crashes/<format>/}.
 */
public final class ReaderFuzzing {

    /**
     * A file to start from.
     *
     * @param name where it came from, for messages
     * @param extension the extension it is written with (some formats are recognised by it)
     */
    public record Seed(String name, String extension, byte[] bytes) {
    }

    /**
     * One reader family under fuzzing.
     *
     * @param reader the reader, called directly so that a damaged signature still reaches its parser
     * @param extension the extension free-form inputs are written with
     * @param written small files made by mepsc or the tests (the free-form target's seeds)
     * @param seeds the real recordings of the format, then {@code written}
     * @param moreOptions further ways to open a file that opened (HEKA: every series it lists)
     */
    public record Family(RecordingReader reader, String extension, List<Seed> written, List<Seed> seeds,
            Function<RecordingMetadata, List<OpenOptions>> moreOptions) {

        public Family {
            written = List.copyOf(written);
            seeds = List.copyOf(seeds);
        }

        /** The real recordings with these extensions, then the written files. */
        public static Family of(RecordingReader reader, String extension, List<Seed> written,
                Function<RecordingMetadata, List<OpenOptions>> moreOptions, String... realExtensions) {
            List<Seed> all = new ArrayList<>(realSeeds(realExtensions));
            all.addAll(written);
            return new Family(reader, extension, written, all, moreOptions);
        }

        public static Family of(RecordingReader reader, String extension, List<Seed> written,
                String... realExtensions) {
            return of(reader, extension, written, md -> List.of(), realExtensions);
        }

        /** Damages one of the seeds as the fuzzer chooses and judges the result. */
        public void mutatedSeed(FuzzedDataProvider data, Path dir) throws IOException {
            Seed seed = data.pickValue(seeds);
            StringBuilder log = new StringBuilder(seed.name()).append(':');
            byte[] mutant = SeedMutator.mutate(seed.bytes(), data, log);
            check(mutant, seed.extension(), dir, log.toString());
        }

        /** Judges free-form bytes as a file of this format. */
        public void freeForm(byte[] bytes, Path dir) throws IOException {
            check(bytes, extension, dir, bytes.length + " free-form bytes");
        }

        /** The written files as JUnit arguments: the free-form target's seeds. */
        public Stream<Arguments> writtenArguments() {
            return written.stream().map(s -> Arguments.of(Named.of(s.name(), s.bytes())));
        }

        /** Runs every seed through the reader once, unmeasured (see {@link ReaderOracle#warmUp}). */
        public void warmUp(Path dir) throws IOException {
            for (Seed s : seeds) {
                Path file = dir.resolve("warm-up." + s.extension());
                Files.write(file, s.bytes());
                ReaderOracle.warmUp(file, reader);
            }
        }

        private void check(byte[] bytes, String ext, Path dir, String what) throws IOException {
            Path file = dir.resolve("input." + ext);
            Files.deleteIfExists(file); // a fresh inode: an earlier mapping of the old file stays valid
            Files.write(file, bytes);
            try {
                Optional<RecordingMetadata> opened = ReaderOracle.assertCleanOutcome(file, reader, OpenOptions.DEFAULT,
                        what);
                if (opened.isPresent()) {
                    for (OpenOptions options : moreOptions.apply(opened.get())) {
                        ReaderOracle.assertCleanOutcome(file, reader, options, what + " with " + options);
                    }
                }
            } catch (AssertionError finding) {
                throw new AssertionError(finding.getMessage() + " [input kept as " + keep(bytes, ext) + "]",
                        finding.getCause());
            }
        }

        /** Saves a finding's input under target/fuzz-findings/<format>/, named by its hash. */
        private Path keep(byte[] bytes, String ext) throws IOException {
            Path dir = Path.of("target", "fuzz-findings", reader.formatName().toLowerCase(Locale.ROOT));
            Files.createDirectories(dir);
            Path file = dir.resolve(sha256(bytes).substring(0, 16) + "." + ext);
            Files.write(file, bytes);
            return file.toAbsolutePath();
        }
    }

    private ReaderFuzzing() {
    }

    /** The real recordings of these extensions, read once (none where the folder is absent). */
    public static List<Seed> realSeeds(String... extensions) {
        List<Seed> seeds = new ArrayList<>();
        for (Path p : RealData.withOracle(extensions)) {
            String name = p.getFileName().toString();
            try {
                seeds.add(new Seed(name, extension(name), Files.readAllBytes(p)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return seeds;
    }

    /**
     * Files a test makes in a scratch folder (removed afterwards), as seeds.
     *
     * @param maker writes the files into the folder it is given and returns their seeds
     */
    public static List<Seed> written(Maker maker) {
        try {
            Path tmp = Files.createTempDirectory("mepsc-seeds");
            try {
                return List.copyOf(maker.make(tmp));
            } finally {
                try (Stream<Path> files = Files.list(tmp)) {
                    for (Path f : files.toList()) {
                        Files.delete(f);
                    }
                }
                Files.delete(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    public interface Maker {
        List<Seed> make(Path dir) throws IOException;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "bin" : name.substring(dot + 1);
    }
}
