package org.mepsc.simd;

import java.util.function.IntSupplier;

/**
 * Whether mepsc's Vector API kernels run in this JVM, and loading them. The Vector API is
 * incubating in Java 17: its module is absent unless the JVM starts with
 * {@code --add-modules jdk.incubator.vector}, so each kernel lives in a class of its own that only
 * this loader names, beside a plain implementation of the same interface that computes the same
 * values bit for bit. The kernels are used when the module is present, the machine's vectors hold
 * at least eight floats, and the system property {@code mepsc.vector} is not {@code off}.
 *
 * <p>They are an opt-in ({@code ./mepsc} does not add the module): in a warm JVM they make a
 * detection 11–27 % faster, but a single run spends more on compiling them than they save, and
 * C2 in Java 17 now and then leaves some of their operations as calls that build vector objects,
 * which costs more than they gain (docs/benchmarks-history.md, eighth round).
 *
 * <p>Every kernel works on {@code FloatVector.SPECIES_PREFERRED} alone. An int16-to-float kernel
 * for the ABF reader ({@code ShortVector} widened to floats, 0.11 against 0.4–0.56 ns a sample
 * alone) made C2 leave the FFT kernel's last stores as calls that build vector objects, in the
 * same JVM, and a detection twice as slow; it was dropped.
 */
public final class Simd {

    private static final boolean AVAILABLE = probe();

    private Simd() {
    }

    /** Whether the Vector API kernels are used in this JVM. */
    public static boolean available() {
        return AVAILABLE;
    }

    /**
     * A new instance of the Vector API kernel {@code className} (a class with a no-argument
     * constructor implementing {@code type}) if {@link #available()}, else {@code plain}.
     */
    public static <T> T choose(Class<T> type, String className, T plain) {
        if (!AVAILABLE) {
            return plain;
        }
        try {
            return instance(type, className);
        } catch (ReflectiveOperationException | LinkageError e) {
            return plain;
        }
    }

    private static boolean probe() {
        if ("off".equals(System.getProperty("mepsc.vector"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            // vectors of fewer than eight floats gained too little to be worth the module
            return instance(IntSupplier.class, "org.mepsc.simd.VectorWidth").getAsInt() >= 8;
        } catch (ReflectiveOperationException | LinkageError e) {
            return false;
        }
    }

    /** A new instance of class {@code className}, loaded by name (it may name the incubator module's classes). */
    private static <T> T instance(Class<T> type, String className) throws ReflectiveOperationException {
        var constructor = Class.forName(className).asSubclass(type).getDeclaredConstructor();
        constructor.setAccessible(true);
        return constructor.newInstance();
    }
}
