package org.mepsc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help renders cleanly: picocli only warns (on System.err) about a bad format string. */
class HelpTextTest {

    @Test
    void everyHelpTextFormatsWithoutWarnings() {
        List<String> commands = commandNames();
        assertThat(commands).contains("detect", "batch", "benchmark-accuracy");
        PrintStream saved = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            for (String command : commands) {
                StringWriter out = new StringWriter();
                int code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), command, "--help");
                assertThat(code).as(command).isZero();
                assertThat(out.toString()).as(command).contains("Usage: mepsc " + command).doesNotContain("%n");
            }
        } finally {
            System.setErr(saved);
        }
        assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aRunNamingACommandBuildsThatOneOnly() {
        PrintWriter quiet = new PrintWriter(new StringWriter());
        List<String> all = List.copyOf(Main.commandLine(quiet, quiet, null).getSubcommands().keySet());
        assertThat(all).containsExactly("info", "export", "detect", "simulate", "score", "sweep",
                "benchmark-accuracy", "batch", "compare", "help");
        for (String command : all) {
            var built = Main.commandLine(quiet, quiet, command).getSubcommands().keySet();
            // help lists and reads the others; an unknown word or an option gets them all, for the message
            assertThat(built).as(command).containsExactlyElementsOf(command.equals("help") ? all : List.of(command));
        }
        assertThat(Main.commandLine(quiet, quiet, "detetc").getSubcommands().keySet()).containsExactlyElementsOf(all);
        assertThat(Main.commandLine(quiet, quiet, "--help").getSubcommands().keySet()).containsExactlyElementsOf(all);
        // and the top-level help reads the same as with every command built
        StringWriter top = new StringWriter();
        assertThat(Main.run(new PrintWriter(top), quiet, "--help")).isZero();
        assertThat(top.toString()).contains("  detect  ", "  compare  ", "Exit codes:");
    }

    private static List<String> commandNames() {
        CommandLine cl = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), null);
        return cl.getSubcommands().keySet().stream().filter(n -> !n.equals("help")).toList();
    }
}
