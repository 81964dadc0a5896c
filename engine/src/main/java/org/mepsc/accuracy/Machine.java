package org.mepsc.accuracy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The computer a benchmark ran on, so its run time can be read in context.
 *
 * @param cores processors the JVM may use
 * @param cpu the processor's model, where the system says (Linux), else ""
 * @param system operating system and architecture
 * @param java the Java runtime
 * @param loadAverage the system's load average over the last minute (NaN where unknown): other
 *     programs competing for the cores
 */
public record Machine(int cores, String cpu, String system, String java, double loadAverage) {

    public static Machine now() {
        return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel().orElse(""),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static Optional<String> cpuModel() {
        Path info = Path.of("/proc/cpuinfo");
        try {
            if (!Files.isReadable(info)) {
                return Optional.empty();
            }
            return Files.readAllLines(info).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
