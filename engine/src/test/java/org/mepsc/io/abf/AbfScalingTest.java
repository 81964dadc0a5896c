package org.mepsc.io.abf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepsc.io.RecordingReaders;
import org.mepsc.recording.Recording;
import org.mepsc.testing.RealData;

/** Axon's ADC-to-user-unit terms, one at a time, and the pre-1.6 "autosample" telegraph. */
class AbfScalingTest {

    @TempDir
    Path dir;

    @Test
    void everyTermActsAsAxonsCodeSays() {
        // fADCRange 10 V over 32768 counts with 0.5 V/unit: 10 / 0.5 / 32768 units per count
        AbfScaling plain = new AbfScaling(0.5f, 1, 1, false, 1, 0, 0, false, 10, 32768);
        assertThat(plain.factor()).isCloseTo(10.0 / 0.5 / 32768, within(1e-15));
        assertThat(plain.shift()).isZero();
        assertThat(new AbfScaling(0.5f, 4, 1, false, 1, 0, 0, false, 10, 32768).factor())
                .as("programmable gain").isCloseTo(plain.factor() / 4, within(1e-15));
        assertThat(new AbfScaling(0.5f, 1, 3, false, 1, 0, 0, false, 10, 32768).factor())
                .as("signal gain without a conditioner is ignored").isEqualTo(plain.factor());
        assertThat(new AbfScaling(0.5f, 1, 3, false, 1, 0, 0, true, 10, 32768).factor())
                .as("signal gain with a conditioner").isCloseTo(plain.factor() / 3, within(1e-15));
        assertThat(new AbfScaling(0.5f, 1, 1, true, 20, 0, 0, false, 10, 32768).factor())
                .as("telegraph gain, enabled").isCloseTo(plain.factor() / 20, within(1e-15));
        assertThat(new AbfScaling(0.5f, 1, 1, false, 20, 0, 0, false, 10, 32768).factor())
                .as("telegraph gain, disabled").isEqualTo(plain.factor());
        // the offset is added (UU = ADC·factor + fInstrumentOffset − fSignalOffset with a conditioner)
        assertThat(new AbfScaling(0.5f, 1, 1, false, 1, 0.25f, 7, false, 10, 32768).shift()).isEqualTo(0.25);
        assertThat(new AbfScaling(0.5f, 1, 1, false, 1, 0.25f, 7, true, 10, 32768).shift()).isEqualTo(0.25 - 7);
        assertThat(new AbfScaling(0, 1, 1, false, 1, 0, 0, false, 10, 32768).factor())
                .as("an unset scale counts as 1").isCloseTo(10.0 / 32768, within(1e-15));
    }

    @Test
    void oldHeadersTakeTheirTelegraphFromTheAutosampleFields() throws IOException {
        Path real = RealData.file("130618-1-12.abf"); // ABF 1.3: a 2048-byte header, autosample off
        ByteBuffer b = AbfFixtures.bytes(real);
        b.putShort(262, (short) 1); // _nAutosampleEnable
        b.putShort(264, (short) 0); // _nAutosampleADCNum: the recorded channel
        b.putFloat(268, 4f); // _fAutosampleAdditGain
        Path gained = AbfFixtures.save(b, dir.resolve("autosample.abf"));
        try (Recording original = RecordingReaders.openFile(real); Recording four = RecordingReaders.openFile(gained)) {
            float[] x = new float[1000];
            float[] y = new float[1000];
            original.read(0, 1, 0, 1000, x, 0);
            four.read(0, 1, 0, 1000, y, 0);
            for (int i = 0; i < x.length; i++) {
                assertThat(y[i]).isCloseTo(x[i] / 4, within(1e-4f * Math.abs(x[i]) + 1e-6f));
            }
        }
    }
}
