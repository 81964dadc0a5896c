package org.mepsc.output;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An output file that appears whole or not at all.
 *
 * <p>Bytes go to a hidden temporary file beside the target, {@code .<name>.<pid>-<random>.part};
 * {@link #commit()} flushes it to disk and renames it over the target in one step, so an existing
 * output is replaced only as a whole. Closing without committing (an exception) deletes the
 * temporary file and leaves any previous output untouched; so does a shutdown hook when the run
 * is interrupted (Ctrl-C, SIGTERM). A run killed outright (SIGKILL, power loss) cannot clean up:
 * its temporary file is removed by the next output to the same target, which knows it is
 * abandoned because no process holds its lock any more (the writing process holds an exclusive
 * lock on its temporary file until it is done).
 */
public final class AtomicOutput implements Closeable {

    private static final String SUFFIX = ".part";
    /** What follows {@code .<name>.} in a temporary file's name: {@code <pid>-<random>.part} (or {@code <random>.part}). */
    private static final Pattern TEMP_TAIL = Pattern.compile("(\\d+-)?\\d+\\.part");

    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final Thread cleanUpOnExit;
    private OutputStream stream;
    private Writer writer;
    private boolean done;

    private AtomicOutput(Path target, Path temp, FileChannel channel, Thread cleanUpOnExit) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.cleanUpOnExit = cleanUpOnExit;
    }

    /** Starts an output to {@code target}, with no inputs to protect. */
    public static AtomicOutput create(Path target) throws IOException {
        return create(target, List.of());
    }

    /**
     * Starts an output to {@code target}.
     *
     * @param inputs files the run reads: writing over one of them is refused
     * @throws OutputRefusedException if the target is one of the inputs or a directory
     */
    public static AtomicOutput create(Path target, Collection<Path> inputs) throws IOException {
        refuseIfInput(target, inputs);
        if (Files.isDirectory(target)) {
            throw new OutputRefusedException(target, "is a directory; give a file name");
        }
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        removeAbandonedTemporaryFiles(abs);
        Path temp = Files.createTempFile(dir, tempPrefix(abs) + ProcessHandle.current().pid() + "-", SUFFIX);
        FileChannel ch;
        try {
            givePermissionsOfAnOrdinaryFile(temp, abs);
            ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        lockQuietly(ch);
        Thread cleanUp = new Thread(() -> deleteQuietly(temp), "mepsc: remove " + temp.getFileName());
        Runtime.getRuntime().addShutdownHook(cleanUp);
        return new AtomicOutput(abs, temp, ch, cleanUp);
    }

    /** {@code .<name>.}: every temporary file of this target starts so. */
    private static String tempPrefix(Path target) {
        return "." + target.getFileName() + ".";
    }

    /**
     * Deletes temporary files of {@code target} that runs killed outright left behind: those of
     * other processes whose lock is free. This process's own are never touched (they may be in use,
     * and probing a file this JVM has locked would release that lock).
     */
    private static void removeAbandonedTemporaryFiles(Path target) throws IOException {
        String prefix = tempPrefix(target);
        String own = prefix + ProcessHandle.current().pid() + "-";
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(target.getParent())) {
            for (Path p : dir) {
                String n = p.getFileName().toString();
                if (n.startsWith(prefix) && !n.startsWith(own)
                        && TEMP_TAIL.matcher(n.substring(prefix.length())).matches()) {
                    candidates.add(p);
                }
            }
        }
        for (Path p : candidates) {
            if (isAbandoned(p)) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** True when no process holds the file's lock; false when one does or it cannot be told. */
    private static boolean isAbandoned(Path temp) {
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        } catch (IOException | OverlappingFileLockException e) {
            return false;
        }
    }

    /** Holds the temporary file's lock until the channel closes; where locks are unsupported, goes without. */
    private static void lockQuietly(FileChannel ch) {
        try {
            ch.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            // without a lock the file is never judged abandoned, so it is merely not cleaned up
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // at exit there is no one left to tell
        }
    }

    /**
     * Temporary files are created private (rw-------); an output should get the permissions of
     * the file it replaces, or rw-r--r-- when it is new.
     */
    private static void givePermissionsOfAnOrdinaryFile(Path temp, Path target) throws IOException {
        if (!Files.getFileStore(temp).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            return;
        }
        java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temp, perms);
    }

    /** Refuses a target that is the same file as one of the inputs. */
    public static void refuseIfInput(Path target, Collection<Path> inputs) throws IOException {
        Path t = target.toAbsolutePath().normalize();
        for (Path in : inputs) {
            Path i = in.toAbsolutePath().normalize();
            boolean same = t.equals(i) || (Files.exists(t) && Files.exists(i) && Files.isSameFile(t, i));
            if (same) {
                throw new OutputRefusedException(target, "is an input of this run; refusing to write over it");
            }
        }
    }

    /** The final path this output will have. */
    public Path target() {
        return target;
    }

    public FileChannel channel() {
        return channel;
    }

    /**
     * The hidden temporary file, for libraries that write only to a path they open themselves
     * (jhdf): write it through the path, then {@link #commit()}. Closing their own handle on it
     * releases this process's lock on it (POSIX locks belong to the process and file), so until
     * the commit a concurrent run writing the same target could take it for abandoned; the write
     * then fails, it does not corrupt anything.
     */
    public Path temporaryFile() {
        return temp;
    }

    public OutputStream stream() {
        if (stream == null) {
            stream = new java.io.BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        }
        return stream;
    }

    /** A UTF-8 writer over {@link #stream()}. */
    public Writer writer() {
        if (writer == null) {
            writer = new BufferedWriter(new OutputStreamWriter(stream(), StandardCharsets.UTF_8), 1 << 16);
        }
        return writer;
    }

    /** Flushes everything to disk and moves the file into place, replacing any old output. */
    public void commit() throws IOException {
        commitAll(this);
    }

    /**
     * Commits outputs that belong together (a file and its sidecar): every one is flushed to disk
     * before the first is moved into place, so a crash can part them only between two renames,
     * never during a write.
     */
    public static void commitAll(AtomicOutput... outputs) throws IOException {
        for (AtomicOutput o : outputs) {
            o.flushToDisk();
        }
        for (AtomicOutput o : outputs) {
            o.moveIntoPlace();
        }
    }

    private void flushToDisk() throws IOException {
        if (done) {
            throw new IllegalStateException("output " + target + " already finished");
        }
        if (writer != null) {
            writer.flush();
        }
        if (stream != null) {
            stream.flush();
        }
        channel.force(true);
        channel.close();
    }

    private void moveIntoPlace() throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        done = true;
        forgetCleanUp();
    }

    /** Abandons the output unless it was committed: the temporary file is removed. */
    @Override
    public void close() throws IOException {
        if (!done) {
            done = true;
            try {
                channel.close();
            } finally {
                Files.deleteIfExists(temp);
                forgetCleanUp();
            }
        }
    }

    private void forgetCleanUp() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanUpOnExit);
        } catch (IllegalStateException exiting) {
            // the hook runs anyway; the file is gone or committed, so it finds nothing to do
        }
    }

    /** Writes a whole text output in one call. */
    public static void writeText(Path target, Collection<Path> inputs, TextBody body) throws IOException {
        try (AtomicOutput out = create(target, inputs)) {
            body.write(out.writer());
            out.commit();
        }
    }

    /** Writes a whole binary output in one call. */
    public static void writeBytes(Path target, Collection<Path> inputs, ByteBody body) throws IOException {
        try (AtomicOutput out = create(target, inputs)) {
            body.write(out);
            out.commit();
        }
    }

    @FunctionalInterface
    public interface TextBody {
        void write(Writer w) throws IOException;
    }

    @FunctionalInterface
    public interface ByteBody {
        void write(AtomicOutput out) throws IOException;
    }
}
