package org.mepsc.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mepsc.io.RecordingReaders;
import org.mepsc.pipeline.Exclusion;
import org.mepsc.recording.SweepRanges;
import org.mepsc.sim.SimulationParameters;
import org.mepsc.sim.SimulatedRecording;
import org.mepsc.sim.Simulator;
import org.mepsc.io.RecordingWriters;

/** Manifests and folders: how they become entries, and one-line errors naming the line. */
class BatchInputTest {

    @TempDir
    Path dir;

    private Path manifest(String text) throws IOException {
        Path m = dir.resolve("manifest.csv");
        Files.writeString(m, text, StandardCharsets.UTF_8);
        return m;
    }

    private Path touch(String name) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.write(f, new byte[] {1, 2, 3});
        return f;
    }

    private BatchInput read(Path input) throws IOException {
        return BatchInput.read(input, RecordingReaders.standard(), dir.resolve("out"));
    }

    @Test
    void manifestWithOptionalColumnsAndCellProperties() throws IOException {
        touch("ctrl/a1.abf");
        touch("ctrl/a2.abf");
        touch("ket/b1.abf");
        Path m = manifest("\uFEFFFile,Cell,Group,channel,sweeps,exclude,genotype\n"
                + "# a comment line\n"
                + "ctrl/a1.abf,c1,control,IN0,0-2;,0-0.25,wt\n".replace(";,", ",")
                + "ctrl/a2.abf,c1,control,,,0-0.25; 1:3-end,wt\n"
                + "\n"
                + "ket/b1.abf,k1,ketamine,1,\"0-3,5\",,ko\n");
        BatchInput in = read(m);
        assertThat(in.kind()).isEqualTo(BatchInput.Kind.MANIFEST);
        assertThat(in.entries()).hasSize(3);
        BatchEntry a1 = in.entries().get(0);
        assertThat(a1.file()).isEqualTo(dir.resolve("ctrl/a1.abf").toAbsolutePath().normalize());
        assertThat(a1.label()).isEqualTo("ctrl/a1.abf");
        assertThat(a1.channel()).isEqualTo("IN0");
        assertThat(a1.sweeps()).containsExactly(0, 1, 2);
        assertThat(a1.exclusions()).containsExactly(new Exclusion(-1, 0, 0.25));
        assertThat(a1.origin()).isEqualTo("manifest.csv line 3");
        BatchEntry a2 = in.entries().get(1);
        assertThat(a2.channel()).isNull();
        assertThat(a2.sweeps()).isEmpty();
        assertThat(a2.exclusions()).containsExactly(new Exclusion(-1, 0, 0.25),
                new Exclusion(1, 3, Double.POSITIVE_INFINITY));
        assertThat(in.entries().get(2).sweeps()).containsExactly(0, 1, 2, 3, 5);
        assertThat(in.cells()).extracting(BatchInput.Cell::name).containsExactly("c1", "k1");
        assertThat(in.cells().get(0).entries()).hasSize(2);
        assertThat(in.groups()).containsExactly("control", "ketamine");
        assertThat(in.cellColumns()).containsExactly("genotype");
        assertThat(in.cellProperties().get("k1")).containsEntry("genotype", "ko");
    }

    static Stream<Arguments> badManifests() {
        return Stream.of(
                Arguments.of("file,cell\na.abf,c1\n", "no column 'group'; a manifest needs the columns file,cell,group"),
                Arguments.of("file,cell,group\nmissing.abf,c1,control\n", "line 2: no such file 'missing.abf' (looked for "),
                Arguments.of("file,cell,group\na.abf,,control\n", "line 2: empty cell"),
                Arguments.of("file,cell,group,sweeps\na.abf,c1,control,3-1\n", "line 2: sweeps '3-1': range 3-1 runs backwards"),
                Arguments.of("file,cell,group,sweeps\na.abf,c1,control,all\n", "line 2: sweeps 'all': write sweep numbers from 0 and ranges, e.g. 0-3,5"),
                Arguments.of("file,cell,group,exclude\na.abf,c1,control,0.5\n", "line 2: cannot read exclusion '0.5'"),
                Arguments.of("file,cell,group\na.abf,c1,control\nb.abf,c1,ketamine\n", "line 3: cell 'c1' is in group 'ketamine' here but in group 'control' on line 2"),
                Arguments.of("file,cell,group\na.abf,c1,control\na.abf,c2,control\n", "line 3 repeats line 2"),
                Arguments.of("file,cell,group,age\na.abf,c1,control,10\nb.abf,c1,control,11\n", "line 3: column 'age' of cell 'c1' is '11' here but '10'"),
                Arguments.of("file,cell,group,status\na.abf,c1,control,x\n", "column 'status' is a column of cells.csv"),
                Arguments.of("file,cell,group\n", "no files listed"),
                Arguments.of("file,cell,group\na.abf,c1\n", "line 2 has 2 fields, the header 3"),
                Arguments.of("file,cell,group\n\"a.abf,c1,control\n", "not readable CSV"),
                Arguments.of("file,cell,group\nsub,c1,control\n", "line 2: 'sub' is a folder"));
    }

    @ParameterizedTest
    @MethodSource("badManifests")
    void manifestErrorsNameTheLine(String text, String expected) throws IOException {
        touch("a.abf");
        touch("b.abf");
        Files.createDirectories(dir.resolve("sub"));
        Path m = manifest(text);
        assertThatThrownBy(() -> read(m)).isInstanceOf(ManifestException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(m + ": ").hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void missingInput() {
        assertThatThrownBy(() -> read(dir.resolve("nothing.csv"))).isInstanceOf(ManifestException.class)
                .hasMessage(dir.resolve("nothing.csv") + ": no such manifest or folder");
    }

    @Test
    void folderLayouts() throws IOException {
        Path data = dir.resolve("data");
        abf(data.resolve("control/c01.abf"));
        abf(data.resolve("control/c02/rec1.abf"));
        abf(data.resolve("control/c02/rec2.abf"));
        abf(data.resolve("drug/c01.abf"));
        Files.createDirectories(data.resolve("drug"));
        Files.write(data.resolve("drug/broken.abf"), new byte[0]);
        Files.writeString(data.resolve("drug/notes.txt"), "slice 3 was unhealthy\n");
        Files.writeString(data.resolve("control/c01.truth.csv"), "onset_s,peak_s,amplitude_pA,rise_tau_ms,decay_tau_ms\n");
        abf(data.resolve(".hidden/c09.abf"));
        abf(data.resolve("results/files/x.abf"));

        BatchInput in = BatchInput.read(data, RecordingReaders.standard(), data.resolve("results"));
        assertThat(in.kind()).isEqualTo(BatchInput.Kind.FOLDER);
        assertThat(in.entries()).extracting(BatchEntry::label).containsExactly("control/c01.abf", "control/c02/rec1.abf",
                "control/c02/rec2.abf", "drug/broken.abf", "drug/c01.abf");
        // c01 is a name in both groups: those cells are named with their group
        assertThat(in.entries()).extracting(BatchEntry::cell).containsExactly("control/c01", "c02", "c02",
                "broken", "drug/c01");
        assertThat(in.entries()).extracting(BatchEntry::group).containsExactly("control", "control", "control",
                "drug", "drug");
        assertThat(in.cells()).hasSize(4);
        assertThat(in.notes()).containsExactly("ignored 2 files that are not recordings (e.g. control/c01.truth.csv)");
    }

    @Test
    void folderWithoutRecordings() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        Files.writeString(dir.resolve("empty/readme.txt"), "nothing here");
        assertThatThrownBy(() -> read(dir.resolve("empty"))).isInstanceOf(ManifestException.class)
                .hasMessage(dir.resolve("empty") + ": no recordings found (1 other files, e.g. readme.txt)");
    }

    @Test
    void sweepRangesRoundTrip() {
        assertThat(SweepRanges.parse(" 0-3 , 5,7-8")).containsExactly(0, 1, 2, 3, 5, 7, 8);
        assertThat(SweepRanges.format(List.of(0, 1, 2, 3, 5, 7, 8))).isEqualTo("0-3,5,7-8");
        assertThat(SweepRanges.parse("")).isEmpty();
        assertThatThrownBy(() -> SweepRanges.parse("0-99999999")).hasMessageContaining("write sweep numbers");
    }

    @Test
    void outputFolderNamesAreSafeAndDistinct() {
        BatchEntry a = new BatchEntry(dir.resolve("x y/ü.abf"), "x y/ü.abf", "c", "g", null, List.of(), List.of(), "");
        BatchEntry b = new BatchEntry(dir.resolve("x y/ü.abf"), "x y/ü.abf", "c", "g", "1", List.of(), List.of(), "");
        assertThat(Batch.folderName(a)).matches("x_y_.abf-[0-9a-f]{8}");
        assertThat(Batch.folderName(b)).isNotEqualTo(Batch.folderName(a));
    }

    private static void abf(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        SimulatedRecording sim = Simulator.simulate(SimulationParameters.defaults().withDurationS(0.1).withSampleRateHz(10_000));
        RecordingWriters.standard().byName("abf").write(sim, sim.channels(), sim.sweeps(), file, List.of());
    }
}
