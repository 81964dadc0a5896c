package org.mepsc.io.abf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mepsc.io.OpenOptions;
import org.mepsc.io.RecordingReaders;
import org.mepsc.io.abf.Abf2SectionMap.Name;
import org.mepsc.recording.Recording;
import org.mepsc.recording.RecordingFormatException;
import org.mepsc.testing.RealData;

/**
 * Broken ABF files, made here from real files and from the writer's output: every one is refused
 * with a one-line {@link RecordingFormatException} naming the file and the problem, never another
 * exception, a huge allocation or a hang.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AbfBadInputTest {

    @TempDir
    static Path dir;

    private static final String ABF1_REAL = "multichannelAbf1WithTags.abf"; // 1.84, episodic, synch array, tags
    private static final String ABF13_REAL = "130618-1-12.abf"; // 1.3, 2048-byte header
    private static final String ABF2_REAL = "pclamp11_4ch.abf"; // 2.9, 4 channels, synch array

    /** A header edit: what to change and a word the error message must contain. */
    record Breakage(String name, String source, Consumer<ByteBuffer> edit, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Breakage> breakages() {
        List<Breakage> b = new ArrayList<>();
        // ABF1 (offsets from Abf1Layout, written out so the test does not trust the code under test)
        b.add(new Breakage("ABF1 wrong version", ABF1_REAL, h -> h.putFloat(4, 2.5f), "version"));
        b.add(new Breakage("ABF1 NaN version", ABF1_REAL, h -> h.putFloat(4, Float.NaN), "version"));
        b.add(new Breakage("ABF1 mode 0", ABF1_REAL, h -> h.putShort(8, (short) 0), "nOperationMode=0"));
        b.add(new Breakage("ABF1 mode 6", ABF1_REAL, h -> h.putShort(8, (short) 6), "nOperationMode=6"));
        b.add(new Breakage("ABF1 data format 2", ABF1_REAL, h -> h.putShort(100, (short) 2), "nDataFormat=2"));
        b.add(new Breakage("ABF1 0 channels", ABF1_REAL, h -> h.putShort(120, (short) 0), "nADCNumChannels=0"));
        b.add(new Breakage("ABF1 17 channels", ABF1_REAL, h -> h.putShort(120, (short) 17), "nADCNumChannels=17"));
        b.add(new Breakage("ABF1 -1 channels", ABF1_REAL, h -> h.putShort(120, (short) -1), "nADCNumChannels=-1"));
        b.add(new Breakage("ABF1 sampling sequence 99", ABF1_REAL, h -> h.putShort(412, (short) 99), "nADCSamplingSeq"));
        b.add(new Breakage("ABF1 more samples than the file", ABF1_REAL,
                h -> h.putInt(10, h.getInt(10) + 1000), "holds only"));
        b.add(new Breakage("ABF1 huge sample count", ABF1_REAL, h -> h.putInt(10, Integer.MAX_VALUE), "holds only"));
        b.add(new Breakage("ABF1 negative sample count", ABF1_REAL, h -> h.putInt(10, -1), "negative"));
        b.add(new Breakage("ABF1 data pointer negative", ABF1_REAL, h -> h.putInt(40, -5), "lDataSectionPtr"));
        b.add(new Breakage("ABF1 data pointer 0", ABF1_REAL, h -> h.putInt(40, 0), "lDataSectionPtr"));
        b.add(new Breakage("ABF1 data pointer huge", ABF1_REAL, h -> h.putInt(40, Integer.MAX_VALUE), "holds only"));
        b.add(new Breakage("ABF1 points ignored negative", ABF1_REAL, h -> h.putShort(14, (short) -1), "nNumPointsIgnored"));
        b.add(new Breakage("ABF1 synch array beyond the end", ABF1_REAL, h -> h.putInt(92, Integer.MAX_VALUE), "synch array"));
        b.add(new Breakage("ABF1 synch array size negative", ABF1_REAL, h -> h.putInt(96, -1), "lSynchArraySize"));
        b.add(new Breakage("ABF1 synch array size huge", ABF1_REAL, h -> h.putInt(96, Integer.MAX_VALUE), "synch array"));
        b.add(new Breakage("ABF1 tag count huge", ABF1_REAL, h -> h.putInt(48, Integer.MAX_VALUE), "lNumTagEntries"));
        b.add(new Breakage("ABF1 tag count past the end", ABF1_REAL, h -> h.putInt(48, 60_000), "tag section"));
        b.add(new Breakage("ABF1 tag pointer huge", ABF1_REAL, h -> h.putInt(44, Integer.MAX_VALUE), "tag section"));
        b.add(new Breakage("ABF1 tag count negative", ABF1_REAL, h -> h.putInt(48, -7), "lNumTagEntries"));
        b.add(new Breakage("ABF1 episodes huge", ABF1_REAL, h -> h.putInt(16, Integer.MAX_VALUE), "sweeps"));
        b.add(new Breakage("ABF1 episodes negative", ABF1_REAL, h -> h.putInt(16, -2), "lActualEpisodes"));
        b.add(new Breakage("ABF1 samples per episode 0", ABF1_REAL, h -> h.putInt(138, 0), "lNumSamplesPerEpisode"));
        b.add(new Breakage("ABF1 samples per episode odd", ABF1_REAL, h -> h.putInt(138, 3305), "lNumSamplesPerEpisode"));
        b.add(new Breakage("ABF1 samples per episode huge", ABF1_REAL, h -> h.putInt(138, Integer.MAX_VALUE - 1), "holds only"));
        b.add(new Breakage("ABF1 sample interval 0", ABF1_REAL, h -> h.putFloat(122, 0), "fADCSampleInterval"));
        b.add(new Breakage("ABF1 sample interval NaN", ABF1_REAL, h -> h.putFloat(122, Float.NaN), "fADCSampleInterval"));
        b.add(new Breakage("ABF1 sample interval infinite", ABF1_REAL,
                h -> h.putFloat(122, Float.POSITIVE_INFINITY), "fADCSampleInterval"));
        b.add(new Breakage("ABF1 split clock", ABF1_REAL, h -> {
            h.putFloat(126, 50f);
            h.putInt(194, 1000);
        }, "fADCSecondSampleInterval"));
        b.add(new Breakage("ABF1 resolution 0", ABF1_REAL, h -> h.putInt(252, 0), "lADCResolution"));
        b.add(new Breakage("ABF1 scale factor NaN", ABF1_REAL, h -> h.putFloat(922, Float.NaN), "scaling"));
        b.add(new Breakage("ABF1 scale factor tiny", ABF1_REAL, h -> h.putFloat(922, Float.MIN_VALUE), "scaling"));
        b.add(new Breakage("ABF 1.3 more samples than the file", ABF13_REAL,
                h -> h.putInt(10, h.getInt(10) * 2), "holds only"));
        b.add(new Breakage("ABF 1.3 episodes beyond the data", ABF13_REAL, h -> h.putInt(16, 4), "sweeps"));
        b.add(new Breakage("variable-length ABF1 without synch array", ABF1_REAL, h -> {
            h.putShort(8, (short) 1);
            h.putInt(96, 0);
        }, "synch array"));
        b.add(new Breakage("variable-length ABF1 synch lengths beyond the data", ABF1_REAL, h -> {
            h.putShort(8, (short) 1);
            h.putInt(h.getInt(92) * 512 + 4, Integer.MAX_VALUE);
        }, "synch array"));
        b.add(new Breakage("variable-length ABF1 negative synch length", ABF1_REAL, h -> {
            h.putShort(8, (short) 1);
            h.putInt(h.getInt(92) * 512 + 4, -10);
        }, "negative"));

        // ABF2
        b.add(new Breakage("ABF2 version 3", ABF2_REAL, h -> h.put(7, (byte) 3), "version"));
        b.add(new Breakage("ABF2 mode 7", ABF2_REAL, h -> h.putShort(section(h, Name.PROTOCOL), (short) 7),
                "nOperationMode=7"));
        b.add(new Breakage("ABF2 data format 5", ABF2_REAL, h -> h.putShort(30, (short) 5), "nDataFormat=5"));
        b.add(new Breakage("ABF2 data entries of 3 bytes", ABF2_REAL, h -> h.putInt(map(Name.DATA) + 4, 3), "3 bytes"));
        b.add(new Breakage("ABF2 float format with int16 entries", ABF2_REAL, h -> h.putShort(30, (short) 1), "nDataFormat=1"));
        b.add(new Breakage("ABF2 0 channels", ABF2_REAL, h -> h.putLong(map(Name.ADC) + 8, 0), "0 channels"));
        b.add(new Breakage("ABF2 17 channels", ABF2_REAL, h -> h.putLong(map(Name.ADC) + 8, 17), "17 channels"));
        b.add(new Breakage("ABF2 a billion channels", ABF2_REAL, h -> h.putLong(map(Name.ADC) + 8, 1_000_000_000L), "channels"));
        b.add(new Breakage("ABF2 ADC entries too small", ABF2_REAL, h -> h.putInt(map(Name.ADC) + 4, 10), "too small"));
        b.add(new Breakage("ABF2 protocol missing", ABF2_REAL, h -> h.putInt(map(Name.PROTOCOL), 0), "missing"));
        b.add(new Breakage("ABF2 protocol entries too small", ABF2_REAL, h -> h.putInt(map(Name.PROTOCOL) + 4, 4), "too small"));
        b.add(new Breakage("ABF2 protocol beyond the end", ABF2_REAL, h -> h.putInt(map(Name.PROTOCOL), -1), "protocol"));
        b.add(new Breakage("ABF2 data missing", ABF2_REAL, h -> h.putInt(map(Name.DATA), 0), "missing"));
        b.add(new Breakage("ABF2 data beyond the end", ABF2_REAL, h -> h.putInt(map(Name.DATA), -1), "holds only"));
        b.add(new Breakage("ABF2 more samples than the file", ABF2_REAL,
                h -> h.putLong(map(Name.DATA) + 8, h.getLong(map(Name.DATA) + 8) + 1000), "holds only"));
        b.add(new Breakage("ABF2 sample count Long.MAX", ABF2_REAL, h -> h.putLong(map(Name.DATA) + 8, Long.MAX_VALUE),
                "impossible"));
        b.add(new Breakage("ABF2 sample count negative", ABF2_REAL, h -> h.putLong(map(Name.DATA) + 8, -1), "entries"));
        b.add(new Breakage("ABF2 strings beyond the end", ABF2_REAL, h -> h.putInt(map(Name.STRINGS) + 4, -1), "strings"));
        b.add(new Breakage("ABF2 synch array huge", ABF2_REAL, h -> h.putLong(map(Name.SYNCH_ARRAY) + 8, 1L << 40), "synch array"));
        b.add(new Breakage("ABF2 synch array beyond the end", ABF2_REAL, h -> h.putInt(map(Name.SYNCH_ARRAY), 1 << 30),
                "synch array"));
        b.add(new Breakage("ABF2 tags huge", ABF2_REAL, h -> {
            h.putInt(map(Name.TAG), 1);
            h.putInt(map(Name.TAG) + 4, 64);
            h.putLong(map(Name.TAG) + 8, Long.MAX_VALUE);
        }, "tag section"));
        b.add(new Breakage("ABF2 sequence interval 0", ABF2_REAL, h -> h.putFloat(section(h, Name.PROTOCOL) + 2, 0),
                "fADCSequenceInterval"));
        b.add(new Breakage("ABF2 resolution negative", ABF2_REAL, h -> h.putInt(section(h, Name.PROTOCOL) + 118, -5),
                "lADCResolution"));
        b.add(new Breakage("ABF2 episodes beyond the data", ABF2_REAL, h -> h.putInt(12, 11), "sweeps"));
        b.add(new Breakage("ABF2 samples per episode negative", ABF2_REAL,
                h -> h.putInt(section(h, Name.PROTOCOL) + 22, -16000), "lNumSamplesPerEpisode"));

        // the writer's own output
        b.add(new Breakage("written ABF1 more samples", "written", h -> h.putInt(10, h.getInt(10) + 100_000), "holds only"));
        b.add(new Breakage("written ABF1 20 channels", "written", h -> h.putShort(120, (short) 20), "nADCNumChannels=20"));
        b.add(new Breakage("written ABF1 synch size huge", "written", h -> h.putInt(96, 1 << 21), "synch array"));
        return b.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void brokenHeadersAreRefusedClearly(Breakage b) throws IOException {
        ByteBuffer bytes = AbfFixtures.bytes(source(b.source()));
        b.edit().accept(bytes);
        Path broken = AbfFixtures.save(bytes, dir.resolve(b.name().replace(' ', '_') + ".abf"));
        assertRefused(broken, b.expected());
    }

    static Stream<Arguments> truncations() {
        return Stream.of(
                Arguments.of(ABF1_REAL, 3L, "too short"),
                Arguments.of(ABF1_REAL, 100L, "truncated"), // inside the 2048-byte core
                Arguments.of(ABF1_REAL, 2047L, "truncated"),
                Arguments.of(ABF1_REAL, 3000L, "truncated"), // inside the extended header
                Arguments.of(ABF1_REAL, 6144L + 5000, "holds only"), // inside the data
                Arguments.of(ABF1_REAL, 1_244_288L - 100, "tag section"), // the tags at the end
                Arguments.of(ABF1_REAL, 2427L * 512 + 100, "synch array"), // inside the synch array after the data
                Arguments.of(ABF13_REAL, 1500L, "truncated"),
                Arguments.of(ABF13_REAL, 2048L + 1, "holds only"),
                Arguments.of(ABF2_REAL, 50L, "truncated"), // inside the file info
                Arguments.of(ABF2_REAL, 200L, "truncated"), // inside the section map
                Arguments.of(ABF2_REAL, 700L, "protocol"), // inside the protocol section
                Arguments.of(ABF2_REAL, 1200L, "truncated"), // inside the ADC section
                Arguments.of(ABF2_REAL, 35L * 512 + 20, "strings"),
                Arguments.of(ABF2_REAL, 38L * 512 + 30_000, "holds only"),
                Arguments.of(ABF2_REAL, 663L * 512 + 40, "synch array"));
    }

    @ParameterizedTest(name = "{0} cut to {1} bytes")
    @MethodSource("truncations")
    void truncatedFilesAreRefusedClearly(String real, long length, String expected) throws IOException {
        Path cut = AbfFixtures.truncated(source(real), length, dir.resolve("cut-" + length + "-" + real));
        assertRefused(cut, expected);
    }

    @ParameterizedTest(name = "written file cut at {0}")
    @ValueSource(longs = {10, 1000, 4000, 6144, 6144 + 999, 6144 + 20_001})
    void truncatedWrittenFilesAreRefusedClearly(long length) throws IOException {
        Path cut = AbfFixtures.truncated(source("written"), length, dir.resolve("cut-written-" + length + ".abf"));
        assertRefused(cut, length < 6144 ? "truncated" : "holds only");
    }

    @Test
    void emptyFilesAndWrongMagicAreRefused() throws IOException {
        Path empty = Files.write(dir.resolve("empty.abf"), new byte[0]);
        assertRefused(empty, "empty");
        assertThatThrownBy(() -> RecordingReaders.openFile(empty)).isInstanceOf(RecordingFormatException.class)
                .hasMessageContaining("empty");
        for (String magic : new String[] {"ABF3", "XBF ", "abf2"}) {
            ByteBuffer b = AbfFixtures.bytes(source(ABF2_REAL));
            b.put(0, magic.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            Path wrong = AbfFixtures.save(b, dir.resolve("magic-" + magic.strip() + ".abf"));
            assertRefused(wrong, "not an ABF file");
            assertThatThrownBy(() -> RecordingReaders.openFile(wrong)).isInstanceOf(RecordingFormatException.class)
                    .hasMessageContaining("not a recording mepsc can read");
        }
    }

    /**
     * Seeded random damage to the headers: each file either opens and reads completely, or is
     * refused with a one-line RecordingFormatException. Nothing else may happen.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {ABF1_REAL, ABF13_REAL, ABF2_REAL, "17o05026_vc_stim.abf", "2020_06_16_0000.abf", "written"})
    void randomHeaderDamageNeverEscapesAsAnotherException(String name) throws IOException {
        byte[] original = Files.readAllBytes(source(name));
        SplittableRandom rnd = new SplittableRandom(name.hashCode());
        int headerEnd = Math.min(original.length, name.equals(ABF2_REAL) ? 38 * 512 : 6144);
        for (int trial = 0; trial < 150; trial++) {
            byte[] damaged = original.clone();
            int edits = 1 + rnd.nextInt(8);
            for (int e = 0; e < edits; e++) {
                int at = rnd.nextInt(rnd.nextBoolean() ? Math.min(headerEnd, 512) : headerEnd);
                damaged[at] = (byte) rnd.nextInt(256);
                if (rnd.nextInt(4) == 0 && at + 4 <= damaged.length) { // a whole int, often extreme
                    int v = rnd.nextBoolean() ? rnd.nextInt() : (rnd.nextBoolean() ? Integer.MAX_VALUE : -1);
                    ByteBuffer.wrap(damaged).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(at - at % 2, v);
                }
            }
            Path file = Files.write(dir.resolve("fuzz-" + name + "-" + trial + ".abf"), damaged);
            try (Recording r = new AbfReader().open(file, OpenOptions.DEFAULT)) {
                readEverything(r);
            } catch (RecordingFormatException e) {
                assertOneLineNamingTheFile(e, file);
            } catch (Exception | Error e) {
                fail("trial " + trial + " of " + name + " escaped as " + e, e);
            }
            Files.delete(file);
        }
    }

    private static void assertRefused(Path file, String expected) {
        assertThatThrownBy(() -> {
            try (Recording r = new AbfReader().open(file, OpenOptions.DEFAULT)) {
                readEverything(r);
            }
        }).isInstanceOf(RecordingFormatException.class)
                .hasMessageContaining(expected)
                .satisfies(e -> assertOneLineNamingTheFile((RecordingFormatException) e, file));
    }

    private static void assertOneLineNamingTheFile(RecordingFormatException e, Path file) {
        assertThat(e.getMessage()).startsWith(file + ": ").doesNotContain("\n").doesNotContain("\r");
        assertThat(e.file()).isEqualTo(file);
    }

    private static void readEverything(Recording r) throws IOException {
        float[] buf = new float[1 << 16];
        for (int c = 0; c < r.channels().size(); c++) {
            for (int s = 0; s < r.sweeps().size(); s++) {
                long n = r.sweep(s).length();
                for (long pos = 0; pos < n; pos += buf.length) {
                    r.read(c, s, pos, (int) Math.min(buf.length, n - pos), buf, 0);
                }
            }
        }
    }

    private static Path source(String name) throws IOException {
        if (name.equals("written")) {
            Path written = dir.resolve("written-source.abf");
            if (!Files.exists(written)) {
                AbfFixtures.writeAbf(AbfFixtures.synthetic(42, 2, 3, 5_000, 20_000), written);
            }
            return written;
        }
        return RealData.file(name);
    }

    private static int map(Name section) {
        return section.mapOffset();
    }

    /** Byte offset of an ABF2 section, from the map. */
    private static int section(ByteBuffer h, Name section) {
        return h.getInt(section.mapOffset()) * 512;
    }
}
