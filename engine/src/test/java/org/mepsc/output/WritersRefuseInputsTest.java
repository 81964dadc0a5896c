package org.mepsc.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mepsc.io.RecordingWriter;
import org.mepsc.io.RecordingWriters;
import org.mepsc.recording.ArrayRecording;

/**
 * Every writer refuses to write over a file the run reads, named the same way, another way
 * ({@code dir/./name}) or through a link, and leaves it untouched (and writes nothing else).
 */
class WritersRefuseInputsTest {

    @TempDir
    Path dir;

    static Stream<String> formats() {
        return RecordingWriters.standard().writers().stream().map(RecordingWriter::formatName);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void refusesToWriteOverItsInput(String format) throws IOException {
        RecordingWriter writer = RecordingWriters.standard().byName(format);
        ArrayRecording r = ArrayRecording.singleCurrent("Im", 10_000, new float[] {1, -2, 3, -4});
        Path input = dir.resolve("cell." + writer.extension());
        byte[] content = "the recording being read".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Files.write(input, content);
        Path link = Files.createSymbolicLink(dir.resolve("link." + writer.extension()), input);
        for (Path target : List.of(input, dir.resolve(".").resolve(input.getFileName()), link)) {
            assertThatThrownBy(() -> writer.write(r, r.channels(), r.sweeps(), target, List.of(input)))
                    .as("writing %s to %s", format, target)
                    .isInstanceOf(OutputRefusedException.class)
                    .hasMessageContaining("input");
        }
        assertThat(Files.readAllBytes(input)).isEqualTo(content);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(input, link);
        }
    }
}
