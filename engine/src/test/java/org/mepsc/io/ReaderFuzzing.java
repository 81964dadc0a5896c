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
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
     * @param companions files that go with it, by what is appended to its name (a raw file's ".json")
     */
    public record Seed(String name, String extension, byte[] bytes, Map<String, byte[]> companions) {

        public Seed {
            companions = Map.copyOf(companions);
        }

        public Seed(String name, String extension, byte[] bytes) {
            this(name, extension, bytes, Map.of());
        }

        /** The file and its companions, as (suffix, bytes) with the file's suffix "". */
        List<Map.Entry<String, byte[]>> files() {
            List<Map.Entry<String, byte[]>> all = new ArrayList<>();
            all.add(Map.entry("", bytes));
            new TreeMap<>(companions).forEach((k, v) -> all.add(Map.entry(k, v)));
            return all;
        }
    }

    /**
     * One reader family under fuzzing.
     *
     * @param reader the reader, called directly so that a damaged signature still reaches its parser
     * @param extension the extension free-form inputs are written with
     * @param written small files made by mepsc or the tests (the free-form target's seeds)
     * @param seeds the real recordings of the format, then {@code written}
     * @param moreOptions further ways to open a file that opened (HEKA: every series it lists)
     * @param freeFormInto where free-form bytes go: "" for the file itself, or a companion's suffix
     *     (raw: the sidecar), the rest of the first written seed staying as it is
     */
    public record Family(RecordingReader reader, String extension, List<Seed> written, List<Seed> seeds,
            Function<RecordingMetadata, List<OpenOptions>> moreOptions, String freeFormInto) {

        public Family {
            written = List.copyOf(written);
            seeds = List.copyOf(seeds);
        }

        /** The real recordings with these extensions, then the written files. */
        public static Family of(RecordingReader reader, String extension, List<Seed> written,
                String... realExtensions) {
            List<Seed> all = new ArrayList<>(realSeeds(realExtensions));
            all.addAll(written);
            return new Family(reader, extension, written, all, md -> List.of(), "");
        }

        /** This family, also opening every file that opens in these further ways. */
        public Family withMoreOptions(Function<RecordingMetadata, List<OpenOptions>> more) {
            return new Family(reader, extension, written, seeds, more, freeFormInto);
        }

        /** This family, its free-form bytes going into the companion with this suffix. */
        public Family withFreeFormInto(String suffix) {
            return new Family(reader, extension, written, seeds, moreOptions, suffix);
        }

        /** Damages one file of one of the seeds as the fuzzer chooses and judges the result. */
        public void mutatedSeed(FuzzedDataProvider data, Path dir) throws IOException {
            Seed seed = data.pickValue(seeds);
            List<Map.Entry<String, byte[]>> files = seed.files();
            int damaged = data.consumeInt(0, files.size() - 1);
            StringBuilder log = new StringBuilder(seed.name()).append(files.get(damaged).getKey()).append(':');
            byte[] mutant = SeedMutator.mutate(files.get(damaged).getValue(), data, log);
            check(replaced(seed, files.get(damaged).getKey(), mutant), dir, log.toString());
        }

        /** Judges free-form bytes as a file of this format (or as the companion {@link #freeFormInto} names). */
        public void freeForm(byte[] bytes, Path dir) throws IOException {
            Seed base = freeFormInto.isEmpty() ? new Seed("free-form", extension, bytes) : written.get(0);
            check(replaced(base, freeFormInto, bytes), dir, bytes.length + " free-form bytes");
        }

        /** The written seeds' files that free-form inputs replace: the free-form target's seeds. */
        public Stream<Arguments> writtenArguments() {
            return written.stream().map(s -> Arguments.of(Named.of(s.name(),
                    freeFormInto.isEmpty() ? s.bytes() : s.companions().get(freeFormInto))));
        }

        /** Runs every seed through the reader once, unmeasured (see {@link ReaderOracle#warmUp}). */
        public void warmUp(Path dir) throws IOException {
            for (Seed s : seeds) {
                ReaderOracle.warmUp(write(s, dir, "warm-up"), reader);
            }
        }

        private static Seed replaced(Seed seed, String suffix, byte[] bytes) {
            if (suffix.isEmpty()) {
                return new Seed(seed.name(), seed.extension(), bytes, seed.companions());
            }
            Map<String, byte[]> companions = new TreeMap<>(seed.companions());
            companions.put(suffix, bytes);
            return new Seed(seed.name(), seed.extension(), seed.bytes(), companions);
        }

        /** Writes the seed's file (as {@code <stem>.<extension>}) and its companions beside it. */
        private static Path write(Seed seed, Path dir, String stem) throws IOException {
            Path file = dir.resolve(stem + "." + seed.extension());
            for (Map.Entry<String, byte[]> f : seed.files()) {
                Path p = dir.resolve(file.getFileName() + f.getKey());
                Files.deleteIfExists(p); // a fresh inode: an earlier mapping of the old file stays valid
                Files.write(p, f.getValue());
            }
            return file;
        }

        /**
         * The oracle's verdict on a file of this format: opened by the reader directly and through
         * detection, and, where it opens, in every further way {@link #moreOptions} gives.
         */
        public void judge(Path file, String what) {
            Optional<RecordingMetadata> opened = ReaderOracle.assertCleanOutcome(file, reader, OpenOptions.DEFAULT,
                    what);
            if (opened.isPresent()) {
                for (OpenOptions options : moreOptions.apply(opened.get())) {
                    ReaderOracle.assertCleanOutcome(file, reader, options, what + " with " + options);
                }
            }
        }

        private void check(Seed input, Path dir, String what) throws IOException {
            Path file = write(input, dir, "input");
            try {
                judge(file, what);
            } catch (AssertionError finding) {
                throw new AssertionError(finding.getMessage() + " [input kept as " + keep(input) + "]",
                        finding.getCause());
            }
        }

        /** Saves a finding's input (and companions) under target/fuzz-findings/<format>/, named by its hash. */
        private Path keep(Seed input) throws IOException {
            Path dir = Path.of("target", "fuzz-findings", reader.formatName().toLowerCase(Locale.ROOT));
            Files.createDirectories(dir);
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            input.files().forEach(f -> all.writeBytes(f.getValue()));
            return write(input, dir, sha256(all.toByteArray()).substring(0, 16)).toAbsolutePath();
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
