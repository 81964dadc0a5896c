package org.mepsc.filter;

/**
 * Two banks in a row: {@code front} low-passes and decimates the recording (a short kernel at the
 * full rate), {@code back} applies the long filters (mains notches, the detectors' kernels) at the
 * decimated rate, where they cost a fraction as much. Without decimation there is only {@code back}.
 *
 * @param front the decimating bank (one output), or null
 * @param back the bank whose outputs are served
 */
public record ChainDesign(BankDesign front, BankDesign back) {
}
