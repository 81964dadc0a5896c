package org.mepsc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns every failure into one line on stderr and an exit code; stack traces only with --debug. */
final class Failures {

    private Failures() {
    }

    /** Unparseable arguments: exit 2 with a pointer to help. */
    static final class UsageHandler implements IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine cl = ex.getCommandLine();
            PrintWriter err = cl.getErr();
            err.println("mepsc: " + ex.getMessage());
            String name = cl.getCommandSpec().qualifiedName();
            err.println("Try '" + name + " --help' for the options.");
            if (debug(args)) {
                ex.printStackTrace(err);
            }
            err.flush();
            return ExitCode.USAGE;
        }
    }

    /** Exceptions from a command: classified by kind. */
    static final class ExecutionHandler implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
            PrintWriter err = cl.getErr();
            int code = exitCode(ex);
            String message = message(ex);
            err.println(code == ExitCode.INTERNAL
                    ? "mepsc: internal error: " + message + " (run again with --debug for details)"
                    : "mepsc: " + message);
            if (debug(parsed.originalArgs().toArray(new String[0]))) {
                ex.printStackTrace(err);
            }
            err.flush();
            return code;
        }
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof UsageError || ex instanceof IllegalArgumentException
                || ex instanceof IndexOutOfBoundsException) {
            return ExitCode.USAGE;
        }
        if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            return ExitCode.INPUT_FAILED;
        }
        return ExitCode.INTERNAL;
    }

    static String message(Throwable ex) {
        if (ex instanceof UncheckedIOException && ex.getCause() != null) {
            ex = ex.getCause();
        }
        if (ex instanceof NoSuchFileException) {
            return ex.getMessage() + ": no such file";
        }
        // The JDK's file-system exceptions carry only the path: say what is wrong with it.
        if (ex instanceof FileSystemException fs && fs.getReason() == null && fs.getFile() != null) {
            String problem = ex instanceof FileAlreadyExistsException
                    ? "already exists and is not a folder; name a folder or a new path"
                    : ex instanceof NotDirectoryException ? "is not a folder; name a folder or a new path"
                    : ex instanceof AccessDeniedException ? "permission denied; choose a path you can write to"
                    : null;
            if (problem != null) {
                return fs.getFile() + ": " + problem;
            }
        }
        String m = ex.getMessage();
        if (m == null || m.isBlank()) {
            m = ex.getClass().getSimpleName();
        }
        return m.replace('\n', ' ');
    }

    private static boolean debug(String[] args) {
        for (String a : args) {
            if (a.equals("--debug")) {
                return true;
            }
        }
        return false;
    }
}
