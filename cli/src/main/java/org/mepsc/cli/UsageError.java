package org.mepsc.cli;

/** A mistake in what the user asked for; reported in one line with exit code 2. */
public final class UsageError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageError(String message) {
        super(message);
    }
}
