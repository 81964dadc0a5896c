package org.mepsc.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnitOverrideTest {

    private static ArrayRecording declared(String unit, float... values) {
        RecordingMetadata md = new RecordingMetadata("TEST", "", AcquisitionMode.GAP_FREE, "", List.of(), List.of(),
                Optional.empty());
        return new ArrayRecording(md, List.of(Channel.of(0, "AI #0", unit)), 1000, new float[][][] {{values}});
    }

    @Test
    void aCurrentDeclaredAsMillivoltsIsReadInPicoamperes() throws IOException {
        // Eventer's GroupA: values are milliamperes, the file says mV
        Recording r = UnitOverride.of(declared("mV", -5.5e-8f, -4.7e-8f, 1e-9f), "mA");
        Channel c = r.channel(0);
        assertThat(c.isCurrent()).isTrue();
        assertThat(c.declaredUnit()).isEqualTo("mA");
        assertThat(c.name()).isEqualTo("AI #0");
        float[] v = new float[3];
        r.read(0, 0, 0, 3, v, 0);
        assertThat(v[0]).isCloseTo(-55f, org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(v[1]).isCloseTo(-47f, org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(v[2]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(r.metadata().comments()).anyMatch(s -> s.contains("read as 'mA'"));
        assertThat(r.sweeps()).isEqualTo(declared("mV", 0, 0, 0).sweeps());
    }

    @Test
    void valuesKeepTheirNumbersInTheDeclaredUnit() throws IOException {
        // the file holds 2 and 3, declared nA: read as 2000 and 3000 pA; really pA: read as 2 and 3
        Recording r = UnitOverride.of(declared("nA", 2000f, 3000f), "pA");
        float[] v = new float[2];
        r.read(0, 0, 0, 2, v, 0);
        assertThat(v).containsExactly(2f, 3f);
        // reads are checked like any recording's
        assertThatThrownBy(() -> r.read(0, 0, 1, 2, v, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void refusesAUnitThatIsNeitherCurrentNorVoltage() {
        assertThatThrownBy(() -> UnitOverride.of(declared("mV", 1f), "furlong"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'furlong'");
    }
}
