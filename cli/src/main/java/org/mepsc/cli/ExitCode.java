package org.mepsc.cli;

/** mepsc's exit codes, as the README documents them. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int INPUT_FAILED = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL = 3;

    private ExitCode() {
    }
}
