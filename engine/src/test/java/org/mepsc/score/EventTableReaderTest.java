package org.mepsc.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepsc.recording.RecordingFormatException;
import org.mepsc.sim.GroundTruth;
import org.mepsc.sim.GroundTruthTable;
import org.mepsc.sim.SimulationParameters;
import org.mepsc.sim.Simulator;
import org.mepsc.testing.RealData;

class EventTableReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void mepscEventsTableCountsOnlyAcceptedRows() throws IOException {
        Path f = write("events.csv", "file,channel,sweep,event,onset_s,peak_s,amplitude_pA,rise_10_90_ms,accepted\n"
                + "a.abf,0,0,1,0.100,0.1015,-12.5,0.6,true\n"
                + "a.abf,0,0,2,0.300,0.3012,-20,0.5,false\n"
                + "a.abf,0,0,3,0.500,0.5011,-8,0.7,TRUE\n");
        EventList e = EventTableReader.read(f);
        assertThat(e.size()).isEqualTo(2);
        assertThat(e.hasOnsets()).isTrue();
        assertThat(e.hasPeaks()).isTrue();
        assertThat(e.onsetS(1)).isEqualTo(0.5);
        assertThat(e.peakS(0)).isEqualTo(0.1015);
        assertThat(e.amplitudePa(0)).isEqualTo(12.5); // magnitude
        assertThat(e.name()).isEqualTo(f.toString());
    }

    @Test
    void aTableOfSeveralRecordingsIsRefused() throws IOException {
        Path f = write("events.csv", "file,channel,sweep,event,onset_s,peak_s,amplitude_pA\n"
                + "a.abf,0,0,1,0.1,0.1015,-12.5\n"
                + "a.abf,0,1,1,0.3,0.3012,-20\n");
        assertThatThrownBy(() -> EventTableReader.read(f)).isInstanceOf(RecordingFormatException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("2 recordings");
    }

    @Test
    void plainTablesWithTimeUnitsInTheirHeaders() throws IOException {
        EventList ms = EventTableReader.read(write("a.csv", "t_ms\n100\n250.5\n"));
        assertThat(ms.onsetS(1)).isCloseTo(0.2505, within(1e-12));
        assertThat(ms.hasPeaks()).isFalse();
        EventList tsv = EventTableReader.read(write("b.tsv", "Event\tTime (ms)\tAmplitude (pA)\n1\t12.5\t-30\n2\t40\t-10\n"));
        assertThat(tsv.onsetS(0)).isCloseTo(0.0125, within(1e-12));
        assertThat(tsv.amplitudePa(0)).isEqualTo(30);
        EventList semi = EventTableReader.read(write("c.csv", "# exported\n# duration_s=12.5\npeak_s;amp\n1.5;7\n"));
        assertThat(semi.hasPeaks()).isTrue();
        assertThat(semi.hasOnsets()).isFalse();
        assertThat(semi.peakS(0)).isEqualTo(1.5);
        assertThat(semi.durationS().getAsDouble()).isEqualTo(12.5);
        EventList nano = EventTableReader.read(write("d.csv", "\"onset (s)\",\"peak amplitude (nA)\"\n2,0.015\n"));
        assertThat(nano.amplitudePa(0)).isCloseTo(15, within(1e-9));
        EventList peakPa = EventTableReader.read(write("e.csv", "time_s,peak_pA\n2,-15\n"));
        assertThat(peakPa.amplitudePa(0)).isEqualTo(15);
        assertThat(peakPa.hasPeaks()).isFalse();
    }

    @Test
    void unclearOrBadTablesGiveOneLineNamingFileAndLine() throws IOException {
        Path noUnit = write("x.csv", "time,amplitude\n1,2\n");
        assertThatThrownBy(() -> EventTableReader.read(noUnit)).isInstanceOf(RecordingFormatException.class)
                .hasMessageContaining("x.csv").hasMessageContaining("time_s or time_ms");
        Path noTime = write("y.csv", "foo,bar\n1,2\n");
        assertThatThrownBy(() -> EventTableReader.read(noTime)).hasMessageContaining("no time column")
                .hasMessageContaining("foo, bar");
        Path bad = write("z.csv", "onset_s\n0.1\nabc\n");
        assertThatThrownBy(() -> EventTableReader.read(bad)).hasMessageContaining("line 3").hasMessageContaining("abc");
        Path empty = write("e.csv", "");
        assertThatThrownBy(() -> EventTableReader.read(empty)).hasMessageContaining("empty");
        Path badAccepted = write("f.csv", "onset_s,accepted\n0.1,maybe\n");
        assertThatThrownBy(() -> EventTableReader.read(badAccepted)).hasMessageContaining("accepted");
        assertThatThrownBy(() -> EventTableReader.read(dir.resolve("missing.csv"))).hasMessageContaining("no such file");
        Path binary = dir.resolve("bin.csv");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        assertThatThrownBy(() -> EventTableReader.read(binary)).isInstanceOf(RecordingFormatException.class);
        for (String s : new String[] {"onset_s\n1\n", "onset_s\n\n"}) {
            assertThat(EventTableReader.read(write("ok.csv", s)).size()).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void eventerTimeListOneOnsetPerLine() throws IOException {
        EventList e = EventTableReader.read(RealData.file("eventer_Train1_EventTimes.txt"));
        // SOURCES.md: 40 simulated mEPSCs in 9.9 s, onset times in s (1-based sample / 40 kHz)
        assertThat(e.size()).isEqualTo(40);
        assertThat(e.hasOnsets()).isTrue();
        assertThat(e.onsetS(0)).isCloseTo(0.19715, within(1e-12));
        assertThat(e.onsetS(39)).isLessThan(9.9);
    }

    @Test
    void groundTruthTablesRoundTripAndAreRecognised() throws IOException {
        var r = Simulator.simulate(SimulationParameters.defaults().withDurationS(20).withRateHz(5)
                .withArtefactRateHz(0.5).withSeed(3));
        GroundTruth truth = GroundTruth.of(r);
        Path f = dir.resolve("sim.truth.csv");
        GroundTruthTable.write(f, truth, java.util.List.of());
        GroundTruth back = GroundTruthTable.read(f);
        assertThat(back.events()).hasSameSizeAs(truth.events()).isNotEmpty();
        for (int i = 0; i < truth.events().size(); i++) {
            var a = truth.events().get(i);
            var b = back.events().get(i);
            assertThat(b.onsetS()).isCloseTo(a.onsetS(), within(1e-9));
            assertThat(b.peakS()).isCloseTo(a.peakS(), within(1e-9));
            assertThat(b.amplitudePa()).isCloseTo(a.amplitudePa(), within(1e-6));
            assertThat(b.riseTauMs()).isCloseTo(a.riseTauMs(), within(1e-6));
            assertThat(b.decayTauMs()).isCloseTo(a.decayTauMs(), within(1e-6));
        }
        assertThat(back.artefacts()).hasSameSizeAs(truth.artefacts()).isNotEmpty();
        assertThat(back.artefacts().get(0).kind()).isEqualTo(truth.artefacts().get(0).kind());
        assertThat(back.durationS().getAsDouble()).isEqualTo(20);
        assertThat(back.sampleRateHz().getAsDouble()).isEqualTo(20_000);
        assertThat(back.parameters()).isEqualTo(r.parameters().describe());
        EventList e = EventTableReader.read(f);
        assertThat(e.size()).isEqualTo(truth.events().size());
        assertThat(e.hasPeaks() && e.hasOnsets() && e.hasAmplitudes()).isTrue();
        assertThat(e.durationS().getAsDouble()).isEqualTo(20);
        assertThat(GroundTruthTable.pathFor(dir.resolve("cell 1.v2.abf")).getFileName().toString())
                .isEqualTo("cell 1.v2.truth.csv");
    }

    @Test
    void aBrokenGroundTruthTableNamesTheLine() throws IOException {
        Path f = write("t.truth.csv", "# duration_s=5\n" + GroundTruthTable.HEADER + "\n0.1,0.101,10,0.5,4\n0.2,0.201,x,0.5,4\n");
        assertThatThrownBy(() -> GroundTruthTable.read(f)).isInstanceOf(RecordingFormatException.class)
                .hasMessageContaining("line 4");
        Path g = write("u.truth.csv", "onset_s,peak_s\n0.1,0.2\n");
        assertThatThrownBy(() -> GroundTruthTable.read(g)).hasMessageContaining("header");
    }
}
