package org.mepsc.pipeline;

import java.util.Arrays;

/** Detections in order: positions and z values, without boxing. */
final class PeakList {

    private long[] positions = new long[64];
    private float[] z = new float[64];
    private int size;

    void add(long position, float value) {
        if (size == positions.length) {
            positions = Arrays.copyOf(positions, size * 2);
            z = Arrays.copyOf(z, size * 2);
        }
        positions[size] = position;
        z[size] = value;
        size++;
    }

    /**
     * The detections that are not side lobes of a larger detection nearby (a one-level rule: every
     * detection is judged against all others, suppressed or not, so chunks agree).
     */
    PeakList withoutSidelobes(org.mepsc.detect.Sidelobes lobes, double margin) {
        PeakList kept = new PeakList();
        int reach = lobes.reach();
        for (int i = 0; i < size; i++) {
            boolean lobe = false;
            for (int j = i - 1; j >= 0 && !lobe && positions[i] - positions[j] <= reach; j--) {
                lobe = z[j] > z[i] && lobes.explains(z[j], z[i], positions[i] - positions[j], margin);
            }
            for (int j = i + 1; j < size && !lobe && positions[j] - positions[i] <= reach; j++) {
                lobe = z[j] > z[i] && lobes.explains(z[j], z[i], positions[j] - positions[i], margin);
            }
            if (!lobe) {
                kept.add(positions[i], z[i]);
            }
        }
        return kept;
    }

    int size() {
        return size;
    }

    long position(int i) {
        return positions[i];
    }

    float z(int i) {
        return z[i];
    }
}
