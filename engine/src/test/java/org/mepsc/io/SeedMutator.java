package org.mepsc.io;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Damages a seed file as the fuzzer chooses: truncations, bit flips, overwritten bytes, absurd
 * counts and offsets in either byte order, random runs and copied chunks. Positions favour the
 * first 8 KiB, where headers and tables live. The fuzzer learns which choices reach new code, so
 * structure-aware damage to real files goes deeper than free-form bytes would.
 */
public final class SeedMutator {

    /** Values that break size arithmetic: zero, signs, type limits, powers of two. */
    private static final long[] ABSURD = {0, 1, -1, 2, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x10000,
        Integer.MAX_VALUE, Integer.MIN_VALUE, 0xFFFFFFFFL, 1L << 31, 1L << 32, 0x40000000, Long.MAX_VALUE,
        Long.MIN_VALUE, 512, 4096, 1 << 20};
    private static final int MAX_OPERATIONS = 8;
    private static final int HEADER_BYTES = 8192;

    private SeedMutator() {
    }

    /**
     * A mutant of {@code seed}; {@code log} receives a description of what was done.
     */
    public static byte[] mutate(byte[] seed, FuzzedDataProvider data, StringBuilder log) {
        byte[] b = seed.clone();
        int operations = data.consumeInt(0, MAX_OPERATIONS);
        for (int op = 0; op < operations && b.length > 0; op++) {
            int kind = data.consumeInt(0, 5);
            int at = position(data, b.length);
            switch (kind) {
                case 0: {
                    b = Arrays.copyOf(b, at);
                    log.append(" truncate to ").append(at);
                    break;
                }
                case 1: {
                    int bit = data.consumeInt(0, 7);
                    b[at] ^= (byte) (1 << bit);
                    log.append(" flip ").append(at).append(':').append(bit);
                    break;
                }
                case 2: {
                    int width = 1 << data.consumeInt(1, 3);
                    ByteOrder order = data.consumeBoolean() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
                    long value = data.consumeBoolean() ? data.pickValue(ABSURD) : data.consumeLong();
                    put(b, at, width, order, value);
                    log.append(" put ").append(width).append("-byte ").append(order).append(' ').append(value)
                            .append(" at ").append(at);
                    break;
                }
                case 3: {
                    byte[] run = data.consumeBytes(64);
                    System.arraycopy(run, 0, b, at, Math.min(run.length, b.length - at));
                    log.append(" write ").append(run.length).append(" bytes at ").append(at);
                    break;
                }
                case 4: {
                    int from = position(data, b.length);
                    int n = Math.min(data.consumeInt(1, 4096), Math.min(b.length - from, b.length - at));
                    System.arraycopy(b, from, b, at, n);
                    log.append(" copy ").append(n).append(" bytes from ").append(from).append(" to ").append(at);
                    break;
                }
                default: {
                    b[at] = data.consumeByte();
                    log.append(" set byte ").append(at);
                    break;
                }
            }
        }
        return b;
    }

    /** A position in {@code [0, size)}: three times in four within the first 8 KiB. */
    private static int position(FuzzedDataProvider data, int size) {
        boolean header = data.consumeInt(0, 3) < 3;
        return data.consumeInt(0, (header ? Math.min(size, HEADER_BYTES) : size) - 1);
    }

    private static void put(byte[] b, int at, int width, ByteOrder order, long value) {
        ByteBuffer buf = ByteBuffer.allocate(8).order(order);
        switch (width) {
            case 2: buf.putShort(0, (short) value); break;
            case 4: buf.putInt(0, (int) value); break;
            default: buf.putLong(0, value); break;
        }
        System.arraycopy(buf.array(), 0, b, at, Math.min(width, b.length - at));
    }
}
