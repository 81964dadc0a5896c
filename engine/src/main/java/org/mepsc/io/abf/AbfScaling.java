package org.mepsc.io.abf;

/**
 * The ADC-to-user-unit conversion of one channel, term by term as the header stores it, combined
 * as Axon's reference code does (ABFH_GetADCtoUUFactors):
 *
 * <pre>
 *   total  = fInstrumentScaleFactor · fADCProgrammableGain
 *            · fSignalGain          (only with a signal conditioner, nSignalType ≠ 0)
 *            · fTelegraphAdditGain  (only when nTelegraphEnable ≠ 0)
 *   factor = fADCRange / total / lADCResolution            user units per ADC count
 *   shift  = fInstrumentOffset − fSignalOffset (the latter only with a signal conditioner)
 *   value  = ADC · factor + shift
 * </pre>
 *
 * The offset is added, not subtracted (the verdict on multichannelAbf1WithTags.abf in the test
 * data's SOURCES.md: neo, pyABF and myokit agree with Axon; libbiosig does not).
 */
record AbfScaling(
        float instrumentScaleFactor,
        float adcProgrammableGain,
        float signalGain,
        boolean telegraphEnabled,
        float telegraphAdditGain,
        float instrumentOffset,
        float signalOffset,
        boolean signalConditioner,
        float adcRange,
        int adcResolution) {

    /** Float samples are stored in user units already. */
    static final AbfScaling IDENTITY = new AbfScaling(1, 1, 1, false, 1, 0, 0, false, 1, 1);

    /** A plain scale with no gains or offsets, as the ABF writer stores it. */
    static AbfScaling ofScaleFactor(float instrumentScaleFactor, float adcRange, int adcResolution) {
        return new AbfScaling(instrumentScaleFactor, 1, 1, false, 1, 0, 0, false, adcRange, adcResolution);
    }

    /** User units per ADC count. */
    double factor() {
        double total = (double) instrumentScaleFactor * adcProgrammableGain;
        if (signalConditioner) {
            total *= signalGain;
        }
        if (telegraphEnabled) {
            total *= telegraphAdditGain;
        }
        if (total == 0) {
            total = 1; // as Axon's code does for an unset scale
        }
        return adcRange / total / adcResolution;
    }

    /** User units at ADC count 0. */
    double shift() {
        return (double) instrumentOffset - (signalConditioner ? signalOffset : 0);
    }

    /** The terms, for an error message. */
    String describe() {
        return "fInstrumentScaleFactor=" + instrumentScaleFactor + ", fADCProgrammableGain=" + adcProgrammableGain
                + ", fSignalGain=" + signalGain + ", fTelegraphAdditGain=" + telegraphAdditGain
                + (telegraphEnabled ? " (enabled)" : " (disabled)") + ", fInstrumentOffset=" + instrumentOffset
                + ", fSignalOffset=" + signalOffset + ", fADCRange=" + adcRange + ", lADCResolution=" + adcResolution;
    }
}
