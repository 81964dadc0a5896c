package org.mepsc.recording;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The description of a recording is written whatever numbers its reader accepted. */
class RecordingDescriptionTest {

    @Test
    void anEndlessSweepIsDescribedNotFailed() {
        // a denormal rate (what a fuzzed NWB file once gave) makes the duration infinite
        ArrayRecording r = ArrayRecording.singleCurrent("I", 1e-310, new float[] {1, 2, 3});
        String text = new RecordingDescription(r).toText();
        assertThat(text).contains("duration:").contains("Infinity s");
        assertThat(new RecordingDescription(r).toJson().toString()).contains("Infinity");
    }

    @Test
    void ordinaryNumbersKeepTheirShortForm() {
        ArrayRecording r = ArrayRecording.singleCurrent("I", 20_000, new float[30_000]);
        assertThat(new RecordingDescription(r).toText()).contains("20000 Hz").contains("1.5 s");
    }
}
