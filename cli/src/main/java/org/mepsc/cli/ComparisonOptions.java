package org.mepsc.cli;

import org.mepsc.compare.GroupComparison;
import picocli.CommandLine.Option;

/** How groups are compared; shared by {@code compare} and {@code batch} (a picocli mixin). */
final class ComparisonOptions {

    @Option(names = "--by", paramLabel = "COLUMN", defaultValue = "group",
            description = "Column of cells.csv (for batch: of the manifest) that names the groups (default: ${DEFAULT-VALUE}).")
    String by;

    @Option(names = "--control", paramLabel = "NAME",
            description = "Reference group (default: the group named 'control' in any case, else the first group in cells.csv).")
    String control;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the bootstrap and permutations; the same seed gives the same numbers (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "10000",
            description = "Bootstrap resamples, and the most cell permutations drawn (default: ${DEFAULT-VALUE}, at least 100).")
    int bootstrap;

    GroupComparison.Options options() {
        return new GroupComparison.Options(by, control, seed, bootstrap, 0.95);
    }
}
