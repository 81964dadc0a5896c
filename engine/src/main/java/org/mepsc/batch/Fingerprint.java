package org.mepsc.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.mepsc.Version;
import org.mepsc.json.Json;

/**
 * What a file's results depend on: the input's size, modification time and content (the first
 * and last MiB, or all of it when smaller; plus its sidecar or HEKA tree file), the settings of
 * its analysis, and mepsc's version. Equal fingerprints mean a run would reproduce the stored
 * results, so the file is not processed again.
 *
 * @param size bytes of the input
 * @param modifiedMs its modification time, ms since the epoch
 * @param content SHA-256 of the sampled content (and companions), hex
 * @param settings SHA-256 of the analysis settings, hex
 * @param version mepsc's version
 */
record Fingerprint(long size, long modifiedMs, String content, String settings, String version) {

    /** Bytes hashed at each end of a large file. */
    static final int END_BYTES = 1 << 20;

    static Fingerprint of(Path file, String settingsText) throws IOException {
        MessageDigest content = sha256();
        long size = Files.size(file);
        long modified = Files.getLastModifiedTime(file).toMillis();
        hashEnds(file, content);
        for (Path companion : companions(file)) {
            if (Files.isRegularFile(companion)) {
                content.update(companion.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                hashEnds(companion, content);
            }
        }
        MessageDigest settings = sha256();
        settings.update(settingsText.getBytes(StandardCharsets.UTF_8));
        return new Fingerprint(size, modified, HexFormat.of().formatHex(content.digest()),
                HexFormat.of().formatHex(settings.digest()), Version.get());
    }

    /** Files a reader may read besides the recording itself (a raw file's layout, a HEKA tree). */
    private static List<Path> companions(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return List.of(file.resolveSibling(name + ".json"), file.resolveSibling(stem + ".pul"));
    }

    private static void hashEnds(Path file, MessageDigest digest) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(0, size));
            if (size <= 2L * END_BYTES) {
                update(ch, 0, size, digest);
            } else {
                update(ch, 0, END_BYTES, digest);
                update(ch, size - END_BYTES, END_BYTES, digest);
            }
        }
    }

    private static void update(FileChannel ch, long from, long count, MessageDigest digest) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        long at = from;
        long end = from + count;
        while (at < end) {
            buf.clear().limit((int) Math.min(buf.capacity(), end - at));
            int n = ch.read(buf, at);
            if (n < 0) {
                break; // the file shrank while being read; the size in the fingerprint then differs anyway
            }
            buf.flip();
            digest.update(buf);
            at += n;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("size_bytes", size);
        o.put("modified_ms", modifiedMs);
        o.put("content_sha256", content);
        o.put("settings_sha256", settings);
        o.put("version", version);
        return o;
    }

    /** The fingerprint stored in a record, or null if it is missing or malformed. */
    static Fingerprint fromJson(JsonNode o) {
        if (o == null || !o.isObject() || !o.path("size_bytes").isIntegralNumber() || !o.path("modified_ms").isIntegralNumber()
                || !o.path("content_sha256").isTextual() || !o.path("settings_sha256").isTextual()
                || !o.path("version").isTextual()) {
            return null;
        }
        return new Fingerprint(o.get("size_bytes").asLong(), o.get("modified_ms").asLong(), o.get("content_sha256").asText(),
                o.get("settings_sha256").asText(), o.get("version").asText());
    }
}
