package org.mepsc.io.heka;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.mepsc.io.FileBytes;
import org.mepsc.io.OpenOptions;
import org.mepsc.io.RecordingReader;
import org.mepsc.recording.Recording;

/**
 * HEKA PatchMaster data files (".dat").
 *
 * <p>Current PatchMaster writes a bundle ("DAT2"): a 256-byte header whose item table points at
 * the raw data, the Pulsed tree (.pul) and the stimulus tree (.pgf) inside the same file. Older
 * versions wrote the trees beside the data ("DAT1" .dat with a separate .pul), which is read when
 * the .pul file is there. One recording is one series ({@link SeriesRecording}); which one is
 * chosen with {@link OpenOptions#series()}, by default the first series that holds a trace.
 */
public final class HekaReader implements RecordingReader {

    @Override
    public String formatName() {
        return "HEKA";
    }

    @Override
    public boolean recognises(Path file, ByteBuffer head) {
        String magic = magic(head);
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return magic.equals("DAT2") || magic.equals("DAT1")
                || (magic.equals("DATA") && name.endsWith(".dat"))
                || ((magic.equals("Tree") || magic.equals("eerT")) && name.endsWith(".pul"));
    }

    @Override
    public Recording open(Path file, OpenOptions options) throws IOException {
        return FileBytes.parse(file, bytes -> open(bytes, options));
    }

    private static Recording open(FileBytes bytes, OpenOptions options) throws IOException {
        String magic = magic(bytes.read(0, Math.min(4, bytes.size()), java.nio.ByteOrder.LITTLE_ENDIAN, "signature"));
        switch (magic) {
            case "DAT2": {
                BundleHeader header = BundleHeader.read(bytes);
                BundleHeader.Item pul = header.item(".pul").orElseThrow(
                        () -> bytes.problem("PatchMaster bundle without a Pulsed tree (.pul) item"));
                PulsedTree.Parsed tree = PulsedTree.parse(bytes, pul.start(), pul.length());
                String version = header.version().isEmpty() ? tree.versionName() : header.version();
                return new SeriesRecording(bytes, version, tree).open(options.series());
            }
            case "DAT1": {
                PulsedTree.Parsed tree = separateTree(bytes);
                return new SeriesRecording(bytes, tree.versionName(), tree).open(options.series());
            }
            case "DATA":
                throw bytes.problem("an old PULSE/PatchMaster data file ('DATA' signature), which mepsc does not read;"
                        + " re-save it with a current PatchMaster");
            case "Tree":
            case "eerT":
                throw bytes.problem("a PatchMaster tree file, not data; open the .dat file beside it");
            default:
                throw bytes.problem("not a HEKA PatchMaster file (no 'DAT2' signature)");
        }
    }

    /** The Pulsed tree of an unbundled file, from the .pul file beside it. */
    private static PulsedTree.Parsed separateTree(FileBytes dat) throws IOException {
        Optional<Path> pul = sibling(dat.file(), ".pul");
        if (pul.isEmpty()) {
            throw dat.problem("an unbundled PatchMaster file ('DAT1'): its Pulsed tree should be in "
                    + stem(dat.file()) + ".pul beside it, which is missing");
        }
        try (FileBytes tree = FileBytes.open(pul.get())) {
            return PulsedTree.parse(tree, 0, tree.size());
        }
    }

    private static Optional<Path> sibling(Path file, String extension) {
        Path dir = file.toAbsolutePath().getParent();
        for (String ext : new String[] {extension, extension.toUpperCase(Locale.ROOT)}) {
            Path p = dir.resolve(stem(file) + ext);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String magic(ByteBuffer head) {
        if (head.limit() < 4) {
            return "";
        }
        byte[] b = new byte[4];
        head.get(0, b);
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
