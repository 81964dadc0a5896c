package org.mepsc.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process {@code mepsc} invocation as the tests see it: exit code, standard output, standard error. */
record Run(int code, String out, String err) {

    static Run of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }
}
