package org.mepsc.filter;

/**
 * Two stages in a row: {@code front} decimates the recording (half-band stages, filtered directly),
 * {@code back} applies the filters (the low-pass, mains notches, the detectors' kernels) at the
 * decimated rate, where they cost a fraction as much. Without a front, {@code back} does it all
 * (decimating itself, if its design says so): one transform per block at the full rate, which can
 * pay when the decimation is small and the filters' blocks not much longer at the full rate.
 *
 * @param front the decimator, or null
 * @param back the bank whose outputs are served
 */
public record ChainDesign(HalfBandDecimator front, BankDesign back) {

    /** {@link BlockSizing}'s estimate of the chain's cost per input sample. */
    public double costPerInput() {
        double back = BlockSizing.costPerInput(this.back);
        return front == null ? back : front.costPerInput() + back / front.decimation();
    }
}
