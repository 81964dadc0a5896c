package org.mepsc.io.nwb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.mepsc.recording.Channel;
import org.mepsc.recording.PhysicalUnit;

class NwbLayoutTest {

    private static NwbSeries series(String name, String type, String electrode, long sweep, long length) {
        boolean volts = type.startsWith("Current") ? !type.contains("Stimulus") : type.contains("Stimulus");
        String unit = volts ? "volts" : "amperes";
        return new NwbSeries(name, type, type.contains("Stimulus"), electrode,
                sweep < 0 ? OptionalLong.empty() : OptionalLong.of(sweep), "", unit, PhysicalUnit.parse(unit),
                1, 0, sweep, 1000, length, null);
    }

    private static List<NwbSeries> group(String prefix, String type, String electrode, int n, long length) {
        List<NwbSeries> g = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            g.add(series(prefix + k, type, electrode, k, length));
        }
        return g;
    }

    @Test
    void voltageClampIsTheMainChannelEvenWithFewerSeries() {
        List<NwbSeries> all = new ArrayList<>(group("cc", "CurrentClampSeries", "/e/A", 5, 100));
        all.addAll(group("vc", "VoltageClampSeries", "/e/A", 3, 100));
        NwbLayout layout = NwbLayout.of(all);
        assertThat(layout.channels()).extracting(Channel::name).containsExactly("A");
        assertThat(layout.series(0)).extracting(NwbSeries::type).containsOnly("VoltageClampSeries");
        assertThat(layout.sweeps()).hasSize(3);
        assertThat(layout.notes()).containsExactly("left out 5 CurrentClampSeries series of A: 5 sweeps where channel 0 has 3");
    }

    @Test
    void matchingGroupsBecomeChannelsWithDistinctNames() {
        List<NwbSeries> all = new ArrayList<>(group("vc", "VoltageClampSeries", "/e/A", 2, 100));
        all.addAll(group("cc", "CurrentClampSeries", "/e/A", 2, 100));
        all.addAll(group("st", "VoltageClampStimulusSeries", "/e/A", 2, 100));
        all.addAll(group("b", "VoltageClampSeries", "/e/B", 2, 100));
        NwbLayout layout = NwbLayout.of(all);
        assertThat(layout.channels()).extracting(c -> c.name() + " " + c.unit().symbol())
                .containsExactly("A pA", "A V mV", "B pA", "A stimulus mV");
        assertThat(layout.notes()).isEmpty();
    }

    @Test
    void groupsThatDoNotPairSayWhy() {
        List<NwbSeries> all = new ArrayList<>(group("vc", "VoltageClampSeries", "/e/A", 2, 100));
        all.addAll(group("short", "VoltageClampSeries", "/e/B", 2, 99));
        List<NwbSeries> renumbered = new ArrayList<>();
        for (NwbSeries s : group("st", "VoltageClampStimulusSeries", "/e/A", 2, 100)) {
            renumbered.add(new NwbSeries(s.name(), s.type(), true, s.electrode(), OptionalLong.of(s.sweepNumber().getAsLong() + 7),
                    "", s.declaredUnit(), s.unit(), 1, 0, 0, 1000, 100, null));
        }
        all.addAll(renumbered);
        NwbLayout layout = NwbLayout.of(all);
        assertThat(layout.channels()).hasSize(1);
        assertThat(layout.notes()).containsExactly(
                "left out 2 VoltageClampSeries series of B: sweep 0 has 99 samples where channel 0 has 100",
                "left out 2 VoltageClampStimulusSeries series of A: sweep 0 has sweep_number 7 where channel 0 has 0");
    }

    @Test
    void naturalOrderCountsDigits() {
        List<String> names = new ArrayList<>(List.of("index_10", "index_2", "index_1", "index_01a", "a"));
        names.sort(NaturalOrder.INSTANCE);
        assertThat(names).containsExactly("a", "index_1", "index_01a", "index_2", "index_10");
    }
}
