package org.mepsc.filter;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Butterflies} with the Vector API: two radix-2 stages per pass over the rows. For a group
 * of {@code 2h} rows, rows {@code j, j + h/2, j + h, j + 3h/2} go through stage {@code h}'s two
 * butterflies and then stage {@code h/2}'s two while they are in registers, with the twiddles and
 * the order of operations of {@link ScalarButterflies}, so the results are the same bit for bit;
 * a last odd stage runs alone. Loaded by name ({@link org.mepsc.simd.Simd}).
 */
final class VectorButterflies implements Butterflies {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    @Override
    public void dif(float[][] re, float[][] im, int count, int length, float[] wRe, float[] wIm) {
        int h = count / 2;
        int step = 1;
        for (; h >= 2; h /= 4, step *= 4) {
            int q = h / 2;
            for (int g = 0; g < count; g += 2 * h) {
                for (int j = 0; j < q; j++) {
                    int a = g + j;
                    twoStages(re[a], im[a], re[a + q], im[a + q], re[a + h], im[a + h], re[a + h + q], im[a + h + q],
                            wRe[j * step], wIm[j * step], wRe[(j + q) * step], wIm[(j + q) * step],
                            wRe[2 * j * step], wIm[2 * j * step], length);
                }
            }
        }
        if (h == 1) {
            for (int g = 0; g < count; g += 2) {
                oneStage(re[g], im[g], re[g + 1], im[g + 1], wRe[0], wIm[0], length);
            }
        }
    }

    private static void oneStage(float[] ar, float[] ai, float[] br, float[] bi, float wr, float wi, int length) {
        FloatVector vr = FloatVector.broadcast(SPECIES, wr);
        FloatVector vi = FloatVector.broadcast(SPECIES, wi);
        FloatVector negativeVr = FloatVector.broadcast(SPECIES, -wr);
        int bound = SPECIES.loopBound(length);
        for (int i = 0; i < bound; i += SPECIES.length()) {
            FloatVector xr = FloatVector.fromArray(SPECIES, ar, i);
            FloatVector xi = FloatVector.fromArray(SPECIES, ai, i);
            FloatVector yr = FloatVector.fromArray(SPECIES, br, i);
            FloatVector yi = FloatVector.fromArray(SPECIES, bi, i);
            xr.add(yr).intoArray(ar, i);
            xi.add(yi).intoArray(ai, i);
            FloatVector t = xr.sub(yr);
            FloatVector u = xi.sub(yi);
            t.mul(vr).sub(u.mul(vi)).intoArray(br, i);
            t.mul(vi).sub(u.mul(negativeVr)).intoArray(bi, i);
        }
        ScalarButterflies.butterfly(ar, ai, br, bi, wr, wi, bound, length);
    }

    /**
     * Rows a, b, c, d = j, j + h/2, j + h, j + 3h/2: stage one pairs (a, c) with twiddle {@code w1}
     * and (b, d) with {@code w1b}; stage two pairs (a, b) and (c, d), both with {@code w2}.
     */
    private static void twoStages(float[] ar, float[] ai, float[] br, float[] bi, float[] cr, float[] ci,
            float[] dr, float[] di, float w1r, float w1i, float w1br, float w1bi, float w2r, float w2i, int length) {
        // the twiddles as vectors once: a scalar operand is broadcast inside the operation, whose
        // inlining then runs deep enough that C2 may give up and leave the whole loop unvectorised
        FloatVector v1r = FloatVector.broadcast(SPECIES, w1r);
        FloatVector v1i = FloatVector.broadcast(SPECIES, w1i);
        FloatVector n1 = FloatVector.broadcast(SPECIES, -w1r);
        FloatVector v1br = FloatVector.broadcast(SPECIES, w1br);
        FloatVector v1bi = FloatVector.broadcast(SPECIES, w1bi);
        FloatVector n1b = FloatVector.broadcast(SPECIES, -w1br);
        FloatVector v2r = FloatVector.broadcast(SPECIES, w2r);
        FloatVector v2i = FloatVector.broadcast(SPECIES, w2i);
        FloatVector n2 = FloatVector.broadcast(SPECIES, -w2r);
        int bound = SPECIES.loopBound(length);
        for (int i = 0; i < bound; i += SPECIES.length()) {
            FloatVector xa = FloatVector.fromArray(SPECIES, ar, i);
            FloatVector ya = FloatVector.fromArray(SPECIES, ai, i);
            FloatVector xb = FloatVector.fromArray(SPECIES, br, i);
            FloatVector yb = FloatVector.fromArray(SPECIES, bi, i);
            FloatVector xc = FloatVector.fromArray(SPECIES, cr, i);
            FloatVector yc = FloatVector.fromArray(SPECIES, ci, i);
            FloatVector xd = FloatVector.fromArray(SPECIES, dr, i);
            FloatVector yd = FloatVector.fromArray(SPECIES, di, i);
            // stage one
            FloatVector sr = xa.add(xc);
            FloatVector si = ya.add(yc);
            FloatVector t = xa.sub(xc);
            FloatVector u = ya.sub(yc);
            FloatVector pr = t.mul(v1r).sub(u.mul(v1i));
            FloatVector pi = t.mul(v1i).sub(u.mul(n1));
            FloatVector qr = xb.add(xd);
            FloatVector qi = yb.add(yd);
            t = xb.sub(xd);
            u = yb.sub(yd);
            FloatVector rr = t.mul(v1br).sub(u.mul(v1bi));
            FloatVector ri = t.mul(v1bi).sub(u.mul(n1b));
            // stage two: (s, q) into rows a, b; (p, r) into rows c, d
            sr.add(qr).intoArray(ar, i);
            si.add(qi).intoArray(ai, i);
            t = sr.sub(qr);
            u = si.sub(qi);
            t.mul(v2r).sub(u.mul(v2i)).intoArray(br, i);
            t.mul(v2i).sub(u.mul(n2)).intoArray(bi, i);
            pr.add(rr).intoArray(cr, i);
            pi.add(ri).intoArray(ci, i);
            t = pr.sub(rr);
            u = pi.sub(ri);
            t.mul(v2r).sub(u.mul(v2i)).intoArray(dr, i);
            t.mul(v2i).sub(u.mul(n2)).intoArray(di, i);
        }
        if (bound < length) {
            ScalarButterflies.butterfly(ar, ai, cr, ci, w1r, w1i, bound, length);
            ScalarButterflies.butterfly(br, bi, dr, di, w1br, w1bi, bound, length);
            ScalarButterflies.butterfly(ar, ai, br, bi, w2r, w2i, bound, length);
            ScalarButterflies.butterfly(cr, ci, dr, di, w2r, w2i, bound, length);
        }
    }
}
