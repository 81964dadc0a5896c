package org.mepsc.io.nwb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mepsc.recording.Channel;
import org.mepsc.recording.PhysicalUnit.Quantity;
import org.mepsc.recording.Sweep;

/**
 * How the patch-clamp series of an NWB file become channels × sweeps.
 *
 * <ul>
 *   <li>Series are grouped by electrode, by what they measure (current or voltage) and by
 *       whether they are recorded or stimulus series. Each group is a candidate channel; its
 *       series, ordered by sweep_number (then by name) where every one has a sweep_number and by
 *       natural name order otherwise, are its sweeps.</li>
 *   <li>The main channel is the recorded group that measures current (voltage clamp) if there is
 *       one, else any recorded group; among those, the one with the most series, then the first
 *       electrode. It sets the sweeps: their start times, lengths and rates.</li>
 *   <li>Every other group (other electrodes, then stimulus series) becomes a further channel only
 *       where it pairs one-to-one with those sweeps: the same number of series, the same length
 *       and rate sweep by sweep, and the same sweep numbers where both have them. A group that
 *       does not pair is left out and a comment says why.</li>
 * </ul>
 */
final class NwbLayout {

    private final List<Channel> channels = new ArrayList<>();
    private final List<List<NwbSeries>> seriesByChannel = new ArrayList<>();
    private final List<Sweep> sweeps = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private NwbLayout() {
    }

    /**
     * @param series every patch-clamp series of the file
     * @throws IllegalArgumentException if no recorded (acquisition) series is among them
     */
    static NwbLayout of(List<NwbSeries> series) {
        Map<String, List<NwbSeries>> groups = new LinkedHashMap<>();
        for (NwbSeries s : series) {
            groups.computeIfAbsent(key(s), k -> new ArrayList<>()).add(s);
        }
        List<List<NwbSeries>> recorded = new ArrayList<>();
        List<List<NwbSeries>> stimuli = new ArrayList<>();
        for (List<NwbSeries> g : groups.values()) {
            g.sort(sweepOrder(g));
            (g.get(0).stimulus() ? stimuli : recorded).add(g);
        }
        if (recorded.isEmpty()) {
            throw new IllegalArgumentException("no recorded patch-clamp series");
        }
        Comparator<List<NwbSeries>> byElectrode = Comparator
                .comparing((List<NwbSeries> g) -> g.get(0).electrode(), NaturalOrder.INSTANCE)
                .thenComparing(g -> g.get(0).unit().quantity() != Quantity.CURRENT);
        recorded.sort(byElectrode);
        stimuli.sort(byElectrode);
        List<NwbSeries> main = recorded.stream()
                .min(Comparator.comparing((List<NwbSeries> g) -> g.get(0).unit().quantity() != Quantity.CURRENT)
                        .thenComparing(g -> -g.size()))
                .orElseThrow();
        NwbLayout layout = new NwbLayout();
        for (NwbSeries s : main) {
            layout.sweeps.add(new Sweep(layout.sweeps.size(), s.startTimeS(), s.length(), s.rateHz()));
        }
        layout.add(main);
        List<List<NwbSeries>> others = new ArrayList<>(recorded);
        others.remove(main);
        others.addAll(stimuli);
        for (List<NwbSeries> g : others) {
            Optional<String> mismatch = mismatch(main, g);
            if (mismatch.isPresent()) {
                NwbSeries first = g.get(0);
                layout.notes.add(String.format(Locale.ROOT, "left out %d %s series%s: %s", g.size(), first.type(),
                        first.electrode().isEmpty() ? "" : " of " + first.electrodeName(), mismatch.get()));
            } else {
                layout.add(g);
            }
        }
        return layout;
    }

    private void add(List<NwbSeries> group) {
        NwbSeries first = group.get(0);
        String base = first.electrode().isEmpty()
                ? (first.unit().quantity() == Quantity.VOLTAGE ? "voltage" : "current")
                : first.electrodeName();
        String name = first.stimulus() ? base + " stimulus" : base;
        for (Channel c : channels) {
            if (c.name().equals(name)) {
                name = name + (first.unit().quantity() == Quantity.VOLTAGE ? " V" : " I");
            }
        }
        channels.add(new Channel(channels.size(), name, first.declaredUnit(), first.unit()));
        seriesByChannel.add(List.copyOf(group));
    }

    private static String key(NwbSeries s) {
        return s.electrode() + "\u0000" + s.unit().quantity() + "\u0000" + s.stimulus();
    }

    private static Comparator<NwbSeries> sweepOrder(List<NwbSeries> group) {
        Comparator<NwbSeries> byName = Comparator.comparing(NwbSeries::name, NaturalOrder.INSTANCE);
        boolean numbered = group.stream().allMatch(s -> s.sweepNumber().isPresent());
        return numbered ? Comparator.comparingLong((NwbSeries s) -> s.sweepNumber().getAsLong()).thenComparing(byName) : byName;
    }

    /** Why a group does not pair one-to-one with the main channel's sweeps, if it does not. */
    private static Optional<String> mismatch(List<NwbSeries> main, List<NwbSeries> g) {
        if (g.size() != main.size()) {
            return Optional.of(g.size() + " sweeps where channel 0 has " + main.size());
        }
        for (int k = 0; k < g.size(); k++) {
            NwbSeries a = main.get(k);
            NwbSeries b = g.get(k);
            if (a.length() != b.length()) {
                return Optional.of("sweep " + k + " has " + b.length() + " samples where channel 0 has " + a.length());
            }
            if (Math.abs(a.rateHz() - b.rateHz()) > 1e-9 * a.rateHz()) {
                return Optional.of("sweep " + k + " is sampled at " + b.rateHz() + " Hz where channel 0 is at " + a.rateHz() + " Hz");
            }
            if (a.sweepNumber().isPresent() && b.sweepNumber().isPresent()
                    && a.sweepNumber().getAsLong() != b.sweepNumber().getAsLong()) {
                return Optional.of("sweep " + k + " has sweep_number " + b.sweepNumber().getAsLong()
                        + " where channel 0 has " + a.sweepNumber().getAsLong());
            }
        }
        return Optional.empty();
    }

    List<Channel> channels() {
        return List.copyOf(channels);
    }

    List<Sweep> sweeps() {
        return List.copyOf(sweeps);
    }

    /** The series of channel {@code c}, one per sweep. */
    List<NwbSeries> series(int c) {
        return seriesByChannel.get(c);
    }

    /** What was left out, and why. */
    List<String> notes() {
        return List.copyOf(notes);
    }
}
