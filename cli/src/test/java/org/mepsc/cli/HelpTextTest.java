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

    private static List<String> commandNames() {
        CommandLine cl = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        return cl.getSubcommands().keySet().stream().filter(n -> !n.equals("help")).toList();
    }
}
