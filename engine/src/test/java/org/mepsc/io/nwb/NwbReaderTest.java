package org.mepsc.io.nwb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.jhdf.api.WritableNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepsc.io.RecordingReaders;
import org.mepsc.recording.Recording;
import org.mepsc.recording.RecordingFormatException;
import org.mepsc.testing.RealData;

class NwbReaderTest {

    @TempDir
    Path dir;

    @Test
    void osbFileMapsSeriesToSweepsAndPairsItsStimulus() throws IOException {
        try (Recording r = RecordingReaders.openFile(RealData.file("osb_goodman_08-02-21-2.nwb"))) {
            assertThat(r.channels()).extracting(c -> c.name() + "|" + c.declaredUnit() + "|" + c.unit().symbol())
                    .containsExactly("Electrode 0|amperes|pA", "Electrode 0 stimulus|volts|mV");
            assertThat(r.sweeps()).hasSize(7);
            assertThat(r.sweep(0).startTimeS()).isCloseTo(10699.5, within(0.05));
            for (int s = 1; s < 7; s++) {
                assertThat(r.sweep(s).startTimeS()).isGreaterThan(r.sweep(s - 1).startTimeS());
            }
            assertThat(r.metadata().formatVersion()).isEqualTo("2.2.2");
            assertThat(r.metadata().protocol()).isEqualTo("ct_neg");
            // the file's session date is 1872: kept, but flagged
            assertThat(r.metadata().creationTime()).contains(Instant.parse("1872-01-15T05:16:08.125Z"));
            assertThat(r.metadata().comments()).anyMatch(c -> c.contains("implausible"));
        }
    }

    @Test
    void bluepyefeSweepsFollowNaturalNameOrder() throws IOException {
        try (Recording r = RecordingReaders.openFile(RealData.file("bluepyefe_99111002.nwb"))) {
            assertThat(r.sweeps()).hasSize(16);
            // ic__Step__1 … ic__Step__16 start 2 s apart; lexical order would put Step__10 second
            for (int s = 0; s < 16; s++) {
                assertThat(r.sweep(s).startTimeS()).isEqualTo(2.0 * s);
            }
            assertThat(r.channel(0).isVoltage()).isTrue();
            assertThat(r.channel(1).name()).isEqualTo("Electrode 1 stimulus");
            // the stimulus is stored as -2 with conversion 1e-9 A: a -2 nA step from sample 312
            float[] x = new float[2];
            r.read(1, 0, 311, 2, x, 0);
            assertThat(x).containsExactly(0f, -2000f);
            assertThat(r.metadata().creationTime()).contains(Instant.parse("1999-01-11T12:43:13Z"));
        }
    }

    @Test
    void conversionOffsetAndUnitGiveCanonicalValues() throws IOException {
        Path f = dir.resolve("cc.nwb");
        NwbFiles.nwb(f, "2.6.0", acq -> {
            LinkingGroup s = NwbFiles.series(acq, "cc", "CurrentClampSeries", "e0");
            WritableNode d = s.dataset("data", new short[] {-100, 0, 250});
            d.putAttribute("unit", "volts");
            d.putAttribute("conversion", 1e-4f);
            d.putAttribute("offset", -0.07f);
            s.dataset("starting_time", 1.5).putAttribute("rate", 5000f);
        });
        try (Recording r = RecordingReaders.openFile(f)) {
            float[] x = new float[3];
            r.read(0, 0, 0, 3, x, 0);
            assertThat(x[0]).isCloseTo(-80f, within(1e-4f));   // (-100 × 1e-4 − 0.07) V = −80 mV
            assertThat(x[1]).isCloseTo(-70f, within(1e-4f));
            assertThat(x[2]).isCloseTo(-45f, within(1e-4f));
            assertThat(r.sampleRateHz()).isEqualTo(5000.0);
            assertThat(r.sweep(0).startTimeS()).isEqualTo(1.5);
            assertThat(r.metadata().creationTime()).contains(Instant.parse("2021-03-04T04:06:07.5Z"));
        }
    }

    @Test
    void sweepNumbersOrderSweepsElseNaturalNames() throws IOException {
        Path numbered = dir.resolve("numbered.nwb");
        NwbFiles.nwb(numbered, "2.5.0", acq -> {
            NwbFiles.vcSeries(acq, "b", new float[] {1e-12f}, 20, 1000).putAttribute("sweep_number", 2L);
            NwbFiles.vcSeries(acq, "a", new float[] {1e-12f}, 30, 1000).putAttribute("sweep_number", 3L);
            NwbFiles.vcSeries(acq, "c", new float[] {1e-12f}, 10, 1000).putAttribute("sweep_number", 1L);
        });
        try (Recording r = RecordingReaders.openFile(numbered)) {
            assertThat(r.sweeps()).extracting(s -> s.startTimeS()).containsExactly(10.0, 20.0, 30.0);
        }
        Path named = dir.resolve("named.nwb");
        NwbFiles.nwb(named, "2.5.0", acq -> {
            NwbFiles.vcSeries(acq, "index_10", new float[] {1e-12f}, 3, 1000);
            NwbFiles.vcSeries(acq, "index_2", new float[] {1e-12f}, 2, 1000);
            NwbFiles.vcSeries(acq, "index_1", new float[] {1e-12f}, 1, 1000);
        });
        try (Recording r = RecordingReaders.openFile(named)) {
            assertThat(r.sweeps()).extracting(s -> s.startTimeS()).containsExactly(1.0, 2.0, 3.0);
        }
    }

    @Test
    void regularTimestampsGiveRateAndStart() throws IOException {
        Path f = dir.resolve("ts.nwb");
        double[] t = new double[1000];
        for (int i = 0; i < t.length; i++) {
            t[i] = 100.25 + i / 25000.0;
        }
        NwbFiles.nwb(f, "2.5.0", acq -> {
            LinkingGroup s = NwbFiles.series(acq, "vc", "VoltageClampSeries", "e0");
            s.dataset("data", new float[1000]).putAttribute("unit", "amperes");
            s.dataset("timestamps", t);
        });
        try (Recording r = RecordingReaders.openFile(f)) {
            assertThat(r.sampleRateHz()).isEqualTo(25000.0);
            assertThat(r.sweep(0).startTimeS()).isEqualTo(100.25);
        }
    }

    @Test
    void irregularTimestampsAreRefused() {
        Path f = dir.resolve("jitter.nwb");
        double[] t = new double[100];
        for (int i = 0; i < t.length; i++) {
            t[i] = i / 1000.0 + (i == 57 ? 0.0004 : 0);
        }
        NwbFiles.nwb(f, "2.5.0", acq -> {
            LinkingGroup s = NwbFiles.series(acq, "vc", "VoltageClampSeries", "e0");
            s.dataset("data", new float[100]).putAttribute("unit", "amperes");
            s.dataset("timestamps", t);
        });
        assertThatThrownBy(() -> RecordingReaders.openFile(f))
                .isInstanceOf(RecordingFormatException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("irregular")
                .hasMessageContaining("sample 57");
    }

    @Test
    void electrodesPairedWhereTheyMatchAndLeftOutWithAReasonWhereNot() throws IOException {
        Path f = dir.resolve("two.nwb");
        NwbFiles.nwb(f, "2.5.0", acq -> {
            for (int k = 0; k < 3; k++) {
                NwbFiles.vcSeries(acq, "e0_" + k, new float[] {k * 1e-12f, 0}, k, 1000).putAttribute("sweep_number", (long) k);
            }
            for (int k = 0; k < 2; k++) {
                LinkingGroup s = NwbFiles.series(acq, "e1_" + k, "VoltageClampSeries", "e1");
                s.dataset("data", new float[] {5e-12f, 0}).putAttribute("unit", "amperes");
                s.dataset("starting_time", (double) k).putAttribute("rate", 1000f);
            }
        });
        try (Recording r = RecordingReaders.openFile(f)) {
            assertThat(r.channels()).extracting(c -> c.name()).containsExactly("e0");
            assertThat(r.sweeps()).hasSize(3);
            assertThat(r.metadata().comments())
                    .contains("left out 2 VoltageClampSeries series of e1: 2 sweeps where channel 0 has 3");
            float[] x = new float[1];
            r.read(0, 2, 0, 1, x, 0);
            assertThat(x[0]).isEqualTo(2f);
        }
    }

    @Test
    void signatureIsFoundAfterAUserBlock() throws IOException {
        byte[] sig = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
        for (int offset : new int[] {0, 512, 2048, 8192}) {
            Path f = dir.resolve("ub" + offset + ".bin");
            byte[] content = new byte[offset + 64];
            System.arraycopy(sig, 0, content, offset, sig.length);
            java.nio.file.Files.write(f, content);
            ByteBuffer head = ByteBuffer.wrap(content, 0, Math.min(content.length, 4096)).slice();
            assertThat(Hdf5Signature.find(f, head)).as("offset %d", offset).isEqualTo(offset);
        }
        Path none = dir.resolve("none.bin");
        java.nio.file.Files.write(none, new byte[10000]);
        assertThat(Hdf5Signature.find(none, ByteBuffer.wrap(new byte[4096]))).isEqualTo(-1);
    }
}
