package org.mepsc.recording;

/**
 * One recorded signal.
 *
 * @param index position in the file, from 0
 * @param name the name the file gives (for example "IN0", "Im", or an NWB series' electrode)
 * @param declaredUnit the unit string exactly as the file declares it ("nA", "amperes", "mV")
 * @param unit the canonical unit samples are delivered in: pA for currents, mV for voltages,
 *     otherwise the declared unit unchanged
 */
public record Channel(int index, String name, String declaredUnit, PhysicalUnit unit) {

    public Channel {
        if (index < 0) {
            throw new IllegalArgumentException("channel index " + index);
        }
        name = name == null ? "" : name;
        declaredUnit = declaredUnit == null ? "" : declaredUnit;
    }

    /** A channel whose canonical unit follows from the declared one. */
    public static Channel of(int index, String name, String declaredUnit) {
        return new Channel(index, name, declaredUnit, PhysicalUnit.parse(declaredUnit));
    }

    public boolean isCurrent() {
        return unit.quantity() == PhysicalUnit.Quantity.CURRENT;
    }

    public boolean isVoltage() {
        return unit.quantity() == PhysicalUnit.Quantity.VOLTAGE;
    }
}
