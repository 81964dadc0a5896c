package org.mepsc.io.abf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mepsc.io.RecordingReaders;
import org.mepsc.json.Json;
import org.mepsc.recording.AcquisitionMode;
import org.mepsc.recording.Recording;
import org.mepsc.recording.Tag;
import org.mepsc.testing.RealData;

/**
 * What the ABF reader makes of the real files beyond the shared oracle test: sweep start times
 * (against neo), channel names with their inner spaces, tags, protocol, comments and creation
 * times (against pyABF's published header dumps, data/headers/*.md in swharden/pyABF).
 */
class AbfReaderTest {

    static Stream<Path> realAbfFiles() {
        return RealData.withOracle("abf").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realAbfFiles")
    void sweepStartsAreNeos(Path file) throws IOException {
        JsonNode neo = oracle(file).path("readers").path("neo").path("sweep_t_start_s");
        try (Recording r = RecordingReaders.openFile(file)) {
            if (neo.size() != r.sweeps().size()) {
                return; // 130618-1-12.abf: neo's one segment is wrong (SOURCES.md); checked below
            }
            for (int s = 0; s < neo.size(); s++) {
                assertThat(r.sweep(s).startTimeS()).as("sweep %d", s)
                        .isCloseTo(neo.get(s).asDouble(), within(1e-6 * Math.max(1, neo.get(s).asDouble())));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realAbfFiles")
    void namesModeAndProtocolAreThoseInTheHeader(Path file) throws IOException {
        JsonNode oracle = oracle(file);
        JsonNode dump = oracle.path("readers").path("pyabf_header_dump");
        try (Recording r = RecordingReaders.openFile(file)) {
            assertThat(r.metadata().acquisitionMode()).isEqualTo(mode(oracle.get("summary").get("nOperationMode").asInt()));
            if (dump.has("adcNames")) {
                for (int c = 0; c < r.channels().size(); c++) {
                    String name = dump.get("adcNames").get(c).asText();
                    assertThat(r.channel(c).name()).isEqualTo(name.equals("?") ? "" : name);
                }
            }
            String protocol = dump.path("protocol").asText("None");
            if (!protocol.equals("None")) {
                assertThat(r.metadata().protocol()).isEqualTo(protocol);
            }
        }
    }

    @Test
    void abf1TagsCommentsAndStartTime() throws IOException {
        Path file = RealData.file("multichannelAbf1WithTags.abf");
        try (Recording r = RecordingReaders.openFile(file)) {
            List<Tag> expected = new ArrayList<>();
            for (JsonNode t : oracle(file).get("summary").get("tags_pyabf")) {
                expected.add(new Tag(t.get("time_s").asDouble(), t.get("label").asText()));
            }
            assertThat(r.metadata().tags()).hasSize(2);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(r.metadata().tags().get(i).text()).isEqualTo(expected.get(i).text());
                assertThat(r.metadata().tags().get(i).timeS()).isCloseTo(expected.get(i).timeS(), within(1e-6));
            }
            assertThat(r.metadata().comments()).containsExactly("SWHLab5[0402]");
            assertThat(r.metadata().protocol()).isEqualTo("0402 VC 2s MT-50");
            assertThat(r.metadata().creationTime()).contains(Instant.parse("2016-12-05T12:40:20.701Z"));
            assertThat(r.metadata().formatVersion()).isEqualTo("1.84");
            assertThat(r.channel(0).name()).isEqualTo("IN 0");
            assertThat(r.channel(1).name()).isEqualTo("AO #0");
        }
    }

    @Test
    void abf2CommentsAndStartTimes() throws IOException {
        try (Recording r = RecordingReaders.openFile(RealData.file("17o05026_vc_stim.abf"))) {
            assertThat(r.metadata().comments()).containsExactly("SWHLab5[0501]");
            assertThat(r.metadata().creationTime()).contains(Instant.parse("2017-10-05T14:41:11.044Z"));
            assertThat(r.metadata().formatVersion()).isEqualTo("2.6");
        }
        try (Recording r = RecordingReaders.openFile(RealData.file("File_axon_1.abf"))) {
            assertThat(r.metadata().creationTime()).contains(Instant.parse("2008-04-28T14:47:33.262Z"));
            assertThat(r.metadata().comments()).isEmpty();
        }
        try (Recording r = RecordingReaders.openFile(RealData.file("05210017_vc_abf1.abf"))) {
            assertThat(r.metadata().creationTime()).contains(Instant.parse("2005-02-10T15:52:55.328Z"));
        }
    }

    @Test
    void abf13EpisodesWithoutASynchArrayFollowEachOther() throws IOException {
        try (Recording r = RecordingReaders.openFile(RealData.file("130618-1-12.abf"))) {
            assertThat(r.metadata().formatVersion()).isEqualTo("1.3");
            assertThat(r.sweeps()).hasSize(3);
            for (int s = 0; s < 3; s++) {
                assertThat(r.sweep(s).length()).isEqualTo(50_000);
                assertThat(r.sweep(s).startTimeS()).isCloseTo(s * 1.0, within(1e-9));
            }
            assertThat(r.metadata().creationTime()).contains(Instant.parse("2018-06-18T17:34:27Z"));
        }
    }

    @Test
    void variableLengthSweepsFollowTheSynchArray() throws IOException {
        try (Recording r = RecordingReaders.openFile(RealData.file("2020_06_16_0000.abf"))) {
            assertThat(r.metadata().acquisitionMode()).isEqualTo(AcquisitionMode.EVENT_DRIVEN_VARIABLE);
            assertThat(r.sweeps()).extracting(s -> s.length()).containsExactly(3540L, 70040L, 16040L);
            // the third sweep starts right after the second in the data: its first samples are those at 73580
            float[] first = new float[1];
            r.read(0, 2, 0, 1, first, 0);
            ByteBuffer raw = AbfFixtures.bytes(RealData.file("2020_06_16_0000.abf"));
            int dataStart = 11 * 512;
            assertThat(first[0]).isCloseTo(raw.getShort(dataStart + 2 * 73580) * 0.305175767f, within(1e-4f));
        }
    }

    @Test
    void abf1VariableLengthSweepsFollowTheSynchArray(@TempDir Path dir) throws IOException {
        Path episodic = AbfFixtures.writeAbf(AbfFixtures.synthetic(5, 2, 3, 1_000, 10_000), dir.resolve("e.abf"));
        ByteBuffer b = AbfFixtures.bytes(episodic);
        b.putShort(8, (short) 1); // nOperationMode: variable-length events
        int synch = b.getInt(92) * 512;
        int[] lengths = {600, 1_400, 1_000};
        for (int k = 0; k < 3; k++) {
            b.putInt(synch + 8 * k, 5_000 * k); // lStart, in fSynchTimeUnit ticks
            b.putInt(synch + 8 * k + 4, 2 * lengths[k]); // lLength, both channels
        }
        Path variable = AbfFixtures.save(b, dir.resolve("v.abf"));
        try (Recording fixed = RecordingReaders.openFile(episodic); Recording r = RecordingReaders.openFile(variable)) {
            assertThat(r.metadata().acquisitionMode()).isEqualTo(AcquisitionMode.EVENT_DRIVEN_VARIABLE);
            assertThat(r.sweeps()).extracting(s -> s.length()).containsExactly(600L, 1_400L, 1_000L);
            double tick = b.getFloat(130) * 1e-6;
            assertThat(r.sweep(2).startTimeS()).isCloseTo(10_000 * tick, within(1e-12));
            for (int c = 0; c < 2; c++) {
                float[] stream = new float[3_000];
                for (int s = 0; s < 3; s++) {
                    fixed.read(c, s, 0, 1_000, stream, 1_000 * s);
                }
                float[] joined = new float[3_000];
                r.read(c, 0, 0, 600, joined, 0);
                r.read(c, 1, 0, 1_400, joined, 600);
                r.read(c, 2, 0, 1_000, joined, 2_000);
                assertThat(joined).isEqualTo(stream);
            }
        }
    }

    @Test
    void abf1Float32SamplesAreInTheDeclaredUnit(@TempDir Path dir) throws IOException {
        Path written = AbfFixtures.writeAbf(AbfFixtures.synthetic(8, 1, 1, 1_000, 10_000), dir.resolve("i.abf"));
        ByteBuffer header = AbfFixtures.bytes(written);
        ByteBuffer f = ByteBuffer.allocate(6144 + 4 * 1_000).order(ByteOrder.LITTLE_ENDIAN);
        f.put(0, header.array(), 0, 6144);
        f.putShort(100, (short) 1); // nDataFormat: float32
        f.put(602, "nA      ".getBytes(StandardCharsets.US_ASCII)); // sADCUnits[0]
        for (int i = 0; i < 1_000; i++) {
            f.putFloat(6144 + 4 * i, i * 0.001f - 0.25f);
        }
        try (Recording r = RecordingReaders.openFile(AbfFixtures.save(f, dir.resolve("f.abf")))) {
            assertThat(r.channel(0).declaredUnit()).isEqualTo("nA");
            float[] pA = new float[1_000];
            r.read(0, 0, 0, 1_000, pA, 0);
            for (int i = 0; i < 1_000; i++) {
                assertThat(pA[i]).isCloseTo((i * 0.001f - 0.25f) * 1000, within(1e-3f));
            }
        }
    }

    @Test
    void readsFromManyThreadsAgree() throws Exception {
        try (Recording r = RecordingReaders.openFile(RealData.file("File_axon_1.abf"))) {
            int n = (int) r.sweep(0).length();
            float[] whole = new float[n];
            r.read(0, 0, 0, n, whole, 0);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    int seed = t;
                    results.add(pool.submit(() -> {
                        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
                        float[] part = new float[10_000];
                        for (int k = 0; k < 200; k++) {
                            int start = rnd.nextInt(n - part.length);
                            r.read(0, 0, start, part.length, part, 0);
                            for (int i = 0; i < part.length; i++) {
                                if (Float.compare(part[i], whole[start + i]) != 0) {
                                    return false;
                                }
                            }
                        }
                        return true;
                    }));
                }
                for (Future<Boolean> f : results) {
                    assertThat(f.get()).isTrue();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void mappingWindowsSplitReadsWithoutChangingThem() throws IOException {
        Path file = RealData.file("pclamp11_4ch.abf");
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            long frames = 160_000 / 4;
            AbfSamples big = new AbfSamples(ch, 38 * 512, frames, 4, org.mepsc.io.RawLayout.SampleType.INT16);
            AbfSamples small = new AbfSamples(ch, 38 * 512, frames, 4, org.mepsc.io.RawLayout.SampleType.INT16, 8 * 97);
            float[] a = new float[(int) frames];
            float[] b = new float[(int) frames];
            for (int c = 0; c < 4; c++) {
                big.read(c, 0, a.length, 0.5f, 1f, a, 0);
                small.read(c, 0, b.length, 0.5f, 1f, b, 0);
                assertThat(b).isEqualTo(a);
                small.read(c, 95, 7, 0.5f, 1f, b, 3); // across a window boundary (97 frames per window)
                assertThat(java.util.Arrays.copyOfRange(b, 3, 10)).isEqualTo(java.util.Arrays.copyOfRange(a, 95, 102));
            }
        }
    }

    @Test
    void recognisesBothSignaturesAndNothingElse() {
        AbfReader reader = new AbfReader();
        assertThat(reader.recognises(Path.of("x"), head("ABF "))).isTrue();
        assertThat(reader.recognises(Path.of("x"), head("ABF2"))).isTrue();
        assertThat(reader.recognises(Path.of("x"), head("ABF3"))).isFalse();
        assertThat(reader.recognises(Path.of("x"), head("AB"))).isFalse();
        assertThat(RecordingReaders.standard().readers().get(0)).isInstanceOf(AbfReader.class);
    }

    private static ByteBuffer head(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static AcquisitionMode mode(int nOperationMode) {
        switch (nOperationMode) {
            case 1: return AcquisitionMode.EVENT_DRIVEN_VARIABLE;
            case 2: return AcquisitionMode.EVENT_DRIVEN_FIXED;
            case 3: return AcquisitionMode.GAP_FREE;
            case 4: return AcquisitionMode.OSCILLOSCOPE;
            case 5: return AcquisitionMode.EPISODIC;
            default: throw new AssertionError("nOperationMode " + nOperationMode);
        }
    }

    private static JsonNode oracle(Path file) throws IOException {
        return Json.mapper().readTree(file.resolveSibling(file.getFileName() + ".oracle.json").toFile());
    }
}
