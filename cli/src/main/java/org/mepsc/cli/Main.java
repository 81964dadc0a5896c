package org.mepsc.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.mepsc.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The {@code mepsc} command: parses arguments, hands the work to the engine, prints. */
@Command(name = "mepsc",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Find miniature synaptic currents in voltage-clamp recordings and summarise them.",
        subcommands = {
            InfoCommand.class,
            ExportCommand.class,
            DetectCommand.class,
            SimulateCommand.class,
            ScoreCommand.class,
            SweepCommand.class,
            BenchmarkAccuracyCommand.class,
            BatchCommand.class,
            CompareCommand.class,
            CommandLine.HelpCommand.class,
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success",
            "  1  an input could not be read or processed (the message names the file)",
            "  2  usage error: a wrong option, value or name (the message says what to change)",
            "  3  internal error (a bug: please report it with the output of --debug)",
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed (try 'mepsc --help')");
    }

    public static void main(String[] args) {
        // jhdf logs through SLF4J, and mepsc ships no logging backend: keep SLF4J's
        // "no providers" notice off standard error, where every line is an error to the user.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(out, err, args));
    }

    /** Runs mepsc with the given streams and returns the exit code (the entry point tests use). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(out, err);
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands only Exceptions to the handler; an Error would otherwise end in a stack trace
            err.println("mepsc: out of memory; give Java more with MEPSC_JAVA_OPTS=-Xmx... (mepsc streams recordings, "
                    + "so this is a bug worth reporting with --debug)");
            err.flush();
            return ExitCode.INTERNAL;
        } catch (InternalError e) {
            // a memory-mapped file that shrank while mapped surfaces as InternalError
            err.println("mepsc: internal error: " + Failures.message(e) + " (was a file truncated while mepsc read it?)");
            err.flush();
            return ExitCode.INTERNAL;
        }
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(new Failures.UsageHandler());
        cl.setExecutionExceptionHandler(new Failures.ExecutionHandler());
        return cl;
    }

    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mepsc " + Version.get()};
        }
    }
}
