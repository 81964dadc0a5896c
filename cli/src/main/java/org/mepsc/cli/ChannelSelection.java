package org.mepsc.cli;

import java.util.List;
import org.mepsc.recording.Channel;
import org.mepsc.recording.Recording;
import org.mepsc.recording.SweepRanges;
import picocli.CommandLine.Option;

/** Which channel and sweeps of a recording a command analyses ({@code --channel}, {@code --sweeps}). */
final class ChannelSelection {

    @Option(names = {"-c", "--channel"}, paramLabel = "C",
            description = "Channel index (from 0) or name (default: the first current channel).")
    String channel;

    @Option(names = "--sweeps", paramLabel = "LIST", description = "Sweeps to analyse, e.g. 0-3,7 (default: all).")
    String sweeps;

    /** The channel asked for, or the first current channel (the first channel if none is a current). */
    Channel channel(Recording r) {
        if (channel != null) {
            return r.findChannel(channel);
        }
        for (Channel c : r.channels()) {
            if (c.isCurrent()) {
                return c;
            }
        }
        return r.channel(0);
    }

    /** The sweeps asked for; empty means all. */
    List<Integer> sweeps() {
        return SweepRanges.parse(sweeps);
    }
}
