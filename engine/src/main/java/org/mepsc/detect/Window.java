package org.mepsc.detect;

/**
 * A stretch of a trace held in memory: {@code data[i]} is the sample at absolute index
 * {@code origin + i}.
 */
public record Window(float[] data, long origin, int length) {

    public Window {
        if (length < 0 || length > data.length) {
            throw new IllegalArgumentException("window length " + length + " for " + data.length + " samples");
        }
    }

    public long end() {
        return origin + length;
    }

    public float at(long index) {
        return data[(int) (index - origin)];
    }

    public boolean contains(long from, long to) {
        return from >= origin && to <= origin + length;
    }
}
