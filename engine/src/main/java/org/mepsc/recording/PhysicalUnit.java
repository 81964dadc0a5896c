package org.mepsc.recording;

import java.util.Locale;

/**
 * A declared unit mapped onto mepsc's canonical units: currents in pA, voltages in mV.
 *
 * @param quantity what the unit measures
 * @param symbol the canonical unit symbol ("pA", "mV"), or the declared one for other quantities
 * @param toCanonical the factor that turns a value in the declared unit into the canonical unit
 */
public record PhysicalUnit(Quantity quantity, String symbol, double toCanonical) {

    public enum Quantity { CURRENT, VOLTAGE, OTHER }

    public static final PhysicalUnit PICOAMPERE = new PhysicalUnit(Quantity.CURRENT, "pA", 1.0);
    public static final PhysicalUnit MILLIVOLT = new PhysicalUnit(Quantity.VOLTAGE, "mV", 1.0);

    /**
     * Parses a unit as files write it: "A", "nA", "pA", "uA", "µA", "amperes", "V", "mV",
     * "volts", … Anything else is kept as an {@link Quantity#OTHER} unit with factor 1.
     */
    public static PhysicalUnit parse(String declared) {
        String u = declared == null ? "" : declared.trim();
        String lower = u.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "amp": case "amps": case "ampere": case "amperes":
                return current(1e12);
            case "volt": case "volts":
                return voltage(1e3);
            default:
                break;
        }
        if (u.length() >= 1 && u.length() <= 2) {
            char last = u.charAt(u.length() - 1);
            double prefix = u.length() == 2 ? prefixFactor(u.charAt(0)) : 1.0;
            if (!Double.isNaN(prefix)) {
                if (last == 'A') {
                    return current(prefix * 1e12);
                }
                if (last == 'V') {
                    return voltage(prefix * 1e3);
                }
            }
        }
        return new PhysicalUnit(Quantity.OTHER, u, 1.0);
    }

    private static PhysicalUnit current(double toPicoampere) {
        return new PhysicalUnit(Quantity.CURRENT, "pA", toPicoampere);
    }

    private static PhysicalUnit voltage(double toMillivolt) {
        return new PhysicalUnit(Quantity.VOLTAGE, "mV", toMillivolt);
    }

    /** The SI prefix factor of a prefix letter, or NaN if it is not one. */
    private static double prefixFactor(char p) {
        switch (p) {
            case 'f': return 1e-15;
            case 'p': return 1e-12;
            case 'n': return 1e-9;
            case 'u': case 'µ': case 'μ': return 1e-6;
            case 'm': return 1e-3;
            case 'k': return 1e3;
            case 'M': return 1e6;
            default: return Double.NaN;
        }
    }
}
