package org.mepsc.io.raw;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mepsc.io.FileBytes;
import org.mepsc.io.OpenOptions;
import org.mepsc.io.RawLayout;
import org.mepsc.io.RecordingReader;
import org.mepsc.io.SampleRates;
import org.mepsc.recording.AcquisitionMode;
import org.mepsc.recording.Channel;
import org.mepsc.recording.Recording;
import org.mepsc.recording.RecordingFormatException;
import org.mepsc.recording.RecordingMetadata;
import org.mepsc.recording.Sweep;

/**
 * Headerless little-endian float32 or int16 samples, channels interleaved, described by a JSON
 * sidecar ({@link RawFormat}) or by the {@code --raw-*} options. Recognised by its sidecar or by
 * the extensions .raw, .bin, .f32 and .i16.
 */
public final class RawReader implements RecordingReader {

    private static final List<String> EXTENSIONS = List.of(".raw", ".bin", ".f32", ".i16");

    @Override
    public String formatName() {
        return "RAW";
    }

    @Override
    public boolean recognises(Path file, ByteBuffer head) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return RawFormat.hasSidecar(file) || EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    @Override
    public Recording open(Path file, OpenOptions options) throws IOException {
        FileBytes.requireRegularFile(file);
        RawFormat format;
        if (options.raw().isPresent()) {
            format = RawFormat.of(options.raw().get());
        } else if (RawFormat.hasSidecar(file)) {
            format = RawFormat.readSidecar(file);
        } else {
            throw new RecordingFormatException(file, "a headerless raw file needs its layout: write a sidecar "
                    + RawFormat.sidecarOf(file).getFileName() + " or give --raw-rate-hz HZ (and, as needed, --raw-type "
                    + "float32|int16, --raw-unit, --raw-scale, --raw-offset, --raw-channels, --raw-header-bytes)");
        }
        RawLayout layout = format.layout();
        SampleRates.require(file, "the raw layout", layout.sampleRateHz());
        long size = Files.size(file);
        long frameBytes = (long) layout.channelCount() * layout.sampleType().bytes();
        if (layout.headerBytes() > size) {
            throw new RecordingFormatException(file, "is " + size + " bytes, shorter than its " + layout.headerBytes() + "-byte header");
        }
        long body = size - layout.headerBytes();
        if (body % frameBytes != 0) {
            throw new RecordingFormatException(file, "has " + body + " bytes of samples, not a whole number of "
                    + frameBytes + "-byte frames (" + layout.channelCount() + " channel(s) of "
                    + layout.sampleType().name().toLowerCase(Locale.ROOT) + "): wrong type or channel count, or truncated");
        }
        long frames = body / frameBytes;
        if (frames == 0) {
            throw new RecordingFormatException(file, "holds no samples");
        }
        List<Sweep> sweeps = sweeps(file, format, frames);
        List<Channel> channels = new ArrayList<>();
        for (int c = 0; c < layout.channelCount(); c++) {
            String name = format.names().isEmpty() ? "ch" + c : format.names().get(c);
            channels.add(Channel.of(c, name, format.units().get(c)));
        }
        AcquisitionMode mode = sweeps.size() > 1 ? AcquisitionMode.EPISODIC : AcquisitionMode.GAP_FREE;
        RecordingMetadata md = new RecordingMetadata("RAW", "", mode, "", List.of(), List.of(), Optional.empty());
        return new RawRecording(file, layout, md, channels, sweeps);
    }

    private static List<Sweep> sweeps(Path file, RawFormat format, long frames) throws RecordingFormatException {
        double rate = format.layout().sampleRateHz();
        if (format.sweepLengths().isEmpty()) {
            return List.of(new Sweep(0, 0, frames, rate));
        }
        long total = format.sweepLengths().stream().mapToLong(Long::longValue).sum();
        if (total != frames) {
            throw new RecordingFormatException(file, "sidecar sweep_lengths add up to " + total + " samples, the file holds " + frames);
        }
        List<Sweep> sweeps = new ArrayList<>();
        double t = 0;
        for (int s = 0; s < format.sweepLengths().size(); s++) {
            long n = format.sweepLengths().get(s);
            double start = format.sweepStarts().isEmpty() ? t : format.sweepStarts().get(s);
            sweeps.add(new Sweep(s, start, n, rate));
            t += n / rate;
        }
        return sweeps;
    }
}
