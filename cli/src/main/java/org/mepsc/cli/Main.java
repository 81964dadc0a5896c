package org.mepsc.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.mepsc.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The {@code mepsc} command: parses arguments, hands the work to the engine, prints. */
@Command(name = "mepsc",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Find miniature synaptic currents in voltage-clamp recordings and summarise them.",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success",
            "  1  an input could not be read or processed (the message names the file)",
            "  2  usage error: a wrong option, value or name (the message says what to change)",
            "  3  internal error (a bug: please report it with the output of --debug)",
        })
public final class Main implements Runnable {

    /** The subcommands, in the order the help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(
            InfoCommand.class,
            ExportCommand.class,
            DetectCommand.class,
            SimulateCommand.class,
            ScoreCommand.class,
            SweepCommand.class,
            BenchmarkAccuracyCommand.class,
            BatchCommand.class,
            CompareCommand.class,
            CommandLine.HelpCommand.class);

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
        // mepsc has no Groovy closures: picocli need not look for Groovy's classes at every start
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(out, err, args));
    }

    /** Runs mepsc with the given streams and returns the exit code (the entry point tests use). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(out, err, args.length > 0 ? args[0] : null);
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

    /**
     * The command line for arguments starting with {@code first}: if that names a subcommand
     * (other than {@code help}, which reads the others), only that one is built, else (null, an
     * option, an unknown word) all of them.
     * picocli reflects over every option of every subcommand it is given, and loads the classes
     * they name; for the eight that a run does not use that took about 0.1 s of each start.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String first) {
        boolean one = first != null && !first.equals("help")
                && COMMANDS.stream().anyMatch(c -> name(c).equals(first));
        CommandLine cl = new CommandLine(new Main());
        for (Class<?> c : COMMANDS) {
            if (!one || name(c).equals(first)) {
                cl.addSubcommand(c);
            }
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(new Failures.UsageHandler());
        cl.setExecutionExceptionHandler(new Failures.ExecutionHandler());
        return cl;
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mepsc " + Version.get()};
        }
    }
}
