package org.mepsc.io.nwb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jhdf.HdfFile;
import io.jhdf.WritableDatasetImpl;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableNode;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.filter.ByteShuffleFilter;
import io.jhdf.filter.Filter;
import io.jhdf.filter.PipelineFilterWithData;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepsc.io.RecordingReaders;
import org.mepsc.recording.Recording;
import org.mepsc.recording.RecordingFormatException;
import org.mepsc.testing.RealData;

/** Broken and foreign files give a one-line RecordingFormatException naming the file. */
class NwbBadInputTest {

    @TempDir
    Path dir;

    private static RecordingFormatException failure(Path file, ThrowingUse use) {
        Throwable t = catchThrowable(() -> {
            try (Recording r = RecordingReaders.openFile(file)) {
                use.accept(r);
            }
        });
        assertThat(t).isInstanceOf(RecordingFormatException.class);
        assertThat(t.getMessage()).startsWith(file.toString()).doesNotContain("\n");
        return (RecordingFormatException) t;
    }

    private static RecordingFormatException openFailure(Path file) {
        return failure(file, r -> { });
    }

    interface ThrowingUse {
        void accept(Recording r) throws IOException;
    }

    @Test
    void emptyAndForeignFiles() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.nwb"));
        assertThat(openFailure(empty).problem()).contains("empty");
        Path text = Files.writeString(dir.resolve("notes.nwb"), "just some text\n");
        assertThat(openFailure(text).problem()).contains("not a recording");
    }

    @Test
    void truncatedFile() throws IOException {
        byte[] whole = Files.readAllBytes(RealData.file("osb_goodman_08-02-21-2.nwb"));
        for (int keep : new int[] {100, 5000, whole.length / 2}) {
            Path cut = dir.resolve("cut" + keep + ".nwb");
            Files.write(cut, Arrays.copyOf(whole, keep));
            // the damage shows on opening or, for a late cut, when the missing samples are read
            failure(cut, r -> {
                for (int s = 0; s < r.sweeps().size(); s++) {
                    r.read(0, s, 0, (int) r.sweep(s).length(), new float[(int) r.sweep(s).length()], 0);
                }
            });
        }
    }

    @Test
    void hdf5ThatIsNotNwb() {
        Path f = dir.resolve("plain.h5");
        try (WritableHdfFile h = HdfFile.write(f)) {
            h.putDataset("x", new double[] {1, 2, 3});
        }
        assertThat(openFailure(f).problem()).contains("HDF5 file but not NWB");
    }

    @Test
    void nwbOneIsNamed() {
        Path f = dir.resolve("old.nwb");
        try (WritableHdfFile h = HdfFile.write(f)) {
            h.putDataset("nwb_version", "NWB-1.0.6");
        }
        assertThat(openFailure(f).problem()).contains("NWB 1.x").contains("NWB-1.0.6");
    }

    @Test
    void nwbWithoutPatchClampSeries() {
        Path f = dir.resolve("ecephys.nwb");
        NwbFiles.nwb(f, "2.5.0", acq -> {
            LinkingGroup s = acq.group("lfp");
            s.putAttribute("neurodata_type", "ElectricalSeries");
            s.dataset("data", new float[] {1, 2});
        });
        assertThat(openFailure(f).problem()).contains("without patch-clamp recordings").contains("1 × ElectricalSeries");
    }

    @Test
    void missingRateAndOddShapesAndTypes() {
        Path noRate = dir.resolve("norate.nwb");
        NwbFiles.nwb(noRate, "2.5.0", acq -> {
            LinkingGroup s = NwbFiles.series(acq, "vc", "VoltageClampSeries", "e0");
            s.dataset("data", new float[] {1, 2}).putAttribute("unit", "amperes");
            s.dataset("starting_time", 0.0);
        });
        assertThat(openFailure(noRate).problem()).contains("/acquisition/vc/starting_time has no valid rate");

        // a denormal rate (a fuzzed file of 3.28e-317 Hz) made sweeps last forever; too fast is refused alike
        for (float rate : new float[] {Float.MIN_VALUE, 1e-5f, 1e9f}) {
            Path odd = dir.resolve("rate" + rate + ".nwb");
            NwbFiles.nwb(odd, "2.5.0", acq -> {
                LinkingGroup s = NwbFiles.series(acq, "vc", "VoltageClampSeries", "e0");
                s.dataset("data", new float[] {1, 2}).putAttribute("unit", "amperes");
                s.dataset("starting_time", 0.0).putAttribute("rate", rate);
            });
            assertThat(openFailure(odd).problem()).as("%s Hz", rate)
                    .contains("/acquisition/vc is sampled at").contains("not a plausible rate");
        }

        Path twoD = dir.resolve("2d.nwb");
        NwbFiles.nwb(twoD, "2.5.0", acq -> {
            LinkingGroup s = NwbFiles.series(acq, "vc", "VoltageClampSeries", "e0");
            s.dataset("data", new float[][] {{1, 2}, {3, 4}});
            s.dataset("starting_time", 0.0).putAttribute("rate", 10f);
        });
        assertThat(openFailure(twoD).problem()).contains("2 dimensions");

        Path text = dir.resolve("text.nwb");
        NwbFiles.nwb(text, "2.5.0", acq -> {
            LinkingGroup s = NwbFiles.series(acq, "vc", "VoltageClampSeries", "e0");
            s.dataset("data", new String[] {"a", "b"});
            s.dataset("starting_time", 0.0).putAttribute("rate", 10f);
        });
        assertThat(openFailure(text).problem()).contains("not numbers");
    }

    /** A filter HDF5 has registered (307, bzip2) that jhdf does not decode; encoding is a plain copy. */
    private static final class Bzip2Stand_in implements Filter {
        @Override
        public int getId() {
            return 307;
        }

        @Override
        public String getName() {
            return "bzip2";
        }

        @Override
        public byte[] decode(byte[] data, int[] filterData) {
            return data;
        }

        @Override
        public byte[] encode(byte[] data, int[] filterData) {
            return data;
        }
    }

    @Test
    void unsupportedFilter() {
        Path f = dir.resolve("bzip2.nwb");
        NwbFiles.nwb(f, "2.5.0", acq -> {
            LinkingGroup s = NwbFiles.series(acq, "vc", "VoltageClampSeries", "e0");
            WritableNode d = new WritableDatasetImpl(new float[] {1, 2, 3, 4}, "data", s,
                    DatasetCreationOptions.builder().chunkDimensions(2).filter(new Bzip2Stand_in()).build());
            d.putAttribute("unit", "amperes");
            s.put("data", d);
            s.dataset("starting_time", 0.0).putAttribute("rate", 10f);
        });
        assertThat(openFailure(f).problem()).contains("compression filter mepsc cannot decode").contains("307");
    }

    /**
     * A shuffle filter whose element size is missing or not positive (a fuzz finding on a mutated
     * NWB file: jhdf indexed the empty client data; 0 would divide by 0) fails the chunk with
     * mepsc's own exception, which the reader reports as a one-line RecordingFormatException.
     * jhdf makes such pipelines only from a file, hence the reflection.
     */
    @Test
    void shuffleWithoutAnElementSizeIsRefused() throws ReflectiveOperationException, ChunkFilters.ChunkException {
        Constructor<PipelineFilterWithData> make = PipelineFilterWithData.class.getDeclaredConstructor(Filter.class, int[].class);
        make.setAccessible(true);
        for (int[] clientData : new int[][] {{}, {0}, {-4}}) {
            ChunkFilters filters = new ChunkFilters(List.of(make.newInstance(new ByteShuffleFilter(), clientData)), 8);
            assertThat(catchThrowable(() -> filters.decode(new byte[8])))
                    .isInstanceOf(ChunkFilters.ChunkException.class).hasMessage("shuffle filter without a valid element size");
        }
        byte[] shuffled = {1, 3, 5, 7, 2, 4, 6, 8};
        ChunkFilters fine = new ChunkFilters(List.of(make.newInstance(new ByteShuffleFilter(), new int[] {4})), 8);
        assertThat(fine.decode(shuffled)).containsExactly(1, 5, 2, 6, 3, 7, 4, 8);
    }

    @Test
    void corruptChunkFailsItsChecksumWhenRead() throws IOException {
        Path real = RealData.file("osb_goodman_08-02-21-2.nwb");
        byte[] bytes = Files.readAllBytes(real);
        byte[] chunk;
        try (HdfFile h = new HdfFile(real)) {
            ByteBuffer raw = ((ChunkedDataset) h.getDatasetByPath("/acquisition/index_003/data")).getRawChunkBuffer(new int[] {0});
            chunk = new byte[raw.remaining()];
            raw.get(chunk);
        }
        int at = indexOf(bytes, chunk);
        assertThat(at).isPositive();
        bytes[at + chunk.length / 2] ^= 0x40;
        Path bad = Files.write(dir.resolve("flipped.nwb"), bytes);
        RecordingFormatException e = failure(bad, r -> r.read(0, 3, 0, 10, new float[10], 0));
        assertThat(e.problem()).contains("/acquisition/index_003/data").containsAnyOf("checksum", "corrupt");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void fletcher32MatchesHdf5() {
        // HDF5's own test vector for H5_checksum_fletcher32: bytes 0..9 → 0x1E0019
        byte[] data = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertThat(ChunkFilters.fletcher32(data, data.length)).isEqualTo(expectedFletcher(data));
        assertThat(List.of(ChunkFilters.fletcher32(new byte[0], 0))).containsExactly(0L);
    }

    /** A direct transcription of Fletcher-32 over big-endian 16-bit words, without the folding shortcut. */
    private static long expectedFletcher(byte[] d) {
        long a = 0;
        long b = 0;
        for (int i = 0; i + 1 < d.length; i += 2) {
            a = (a + (((d[i] & 0xff) << 8) | (d[i + 1] & 0xff))) % 65535;
            b = (b + a) % 65535;
        }
        return (b << 16) | a;
    }

    /**
     * Every object header of a file mepsc wrote, in turn, claiming the largest chunk its size
     * field can hold: jhdf allocated a buffer of that size before checking it (a fuzz finding, up
     * to 2 GiB); now each such file is refused, or read, without a large allocation.
     */
    @Test
    void objectHeadersClaimingHugeSizesAreNotAllocated() throws IOException {
        Path good = dir.resolve("good.nwb");
        org.mepsc.recording.ArrayRecording r = org.mepsc.io.FuzzSeeds.small(5, 2, 200);
        new NwbWriter().write(r, r.channels(), r.sweeps(), good, List.of());
        byte[] bytes = Files.readAllBytes(good);
        int headers = 0;
        for (int at = 0; at + 40 < bytes.length; at++) {
            if (bytes[at] != 'O' || bytes[at + 1] != 'H' || bytes[at + 2] != 'D' || bytes[at + 3] != 'R') {
                continue;
            }
            int flags = bytes[at + 5];
            int sizeAt = at + 6 + ((flags & 0x20) != 0 ? 16 : 0) + ((flags & 0x10) != 0 ? 4 : 0);
            int width = 1 << (flags & 3);
            byte[] broken = bytes.clone();
            for (int i = 0; i < width; i++) { // little-endian, all ones but the top bit: the largest positive
                broken[sizeAt + i] = (byte) (i == width - 1 && width >= 4 ? 0x7f : 0xff);
            }
            Path file = Files.write(dir.resolve("header-" + at + ".nwb"), broken);
            org.mepsc.io.ReaderOracle.assertCleanOutcome(file, new NwbReader(), org.mepsc.io.OpenOptions.DEFAULT,
                    "object header at byte " + at + " claiming " + width + " bytes of 0xff");
            headers++;
        }
        assertThat(headers).as("object headers found").isGreaterThan(10);
    }
}
