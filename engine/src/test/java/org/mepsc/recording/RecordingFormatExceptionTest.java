package org.mepsc.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RecordingFormatExceptionTest {

    /** A fuzz finding: a CSV cell holding a carriage return made a two-line error. */
    @Test
    void controlCharactersQuotedFromAFileAreShownAsEscapes() {
        RecordingFormatException e = new RecordingFormatException(Path.of("cell.csv"),
                "line 101, column 'Vm_mV': '\r69.03' is not a number\n(and a tab\t, a NUL\0, a bell\u0007)");
        assertThat(e.getMessage()).isEqualTo("cell.csv: line 101, column 'Vm_mV': '\\r69.03' is not a number\\n"
                + "(and a tab\\t, a NUL\\u0000, a bell\\u0007)");
        assertThat(e.problem()).startsWith("line 101").doesNotContain("\r", "\n", "\0");
    }

    @Test
    void ordinaryMessagesAreUnchanged() {
        RecordingFormatException e = new RecordingFormatException(Path.of("a b/c.abf"), "µs, ±, “quotes” and ü stay");
        assertThat(e.getMessage()).isEqualTo("a b/c.abf: µs, ±, “quotes” and ü stay");
        assertThat(new RecordingFormatException(null, "no file").getMessage()).isEqualTo("no file");
    }
}
