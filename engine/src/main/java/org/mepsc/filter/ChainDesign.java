package org.mepsc.filter;

/**
 * Two banks in a row: {@code front} low-passes and decimates the recording (a short kernel at the
 * full rate), {@code back} applies the long filters (mains notches, the detectors' kernels) at the
 * decimated rate, where they cost a fraction as much. Without a front, {@code back} does it all
 * (decimating itself, if its design says so): one transform per block instead of two, which pays
 * when the decimation is small and the long filters' blocks not much longer at the full rate.
 *
 * @param front the decimating bank (one output), or null
 * @param back the bank whose outputs are served
 */
public record ChainDesign(BankDesign front, BankDesign back) {

    /** {@link BlockSizing}'s estimate of the chain's cost per input sample. */
    public double costPerInput() {
        double back = BlockSizing.costPerInput(this.back);
        return front == null ? back : BlockSizing.costPerInput(front) + back / front.decimation();
    }
}
