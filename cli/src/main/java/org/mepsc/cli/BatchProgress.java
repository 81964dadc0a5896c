package org.mepsc.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.mepsc.batch.FileOutcome;
import org.mepsc.batch.ProgressListener;

/** How {@code mepsc batch} shows its progress: a bar on a terminal, plain lines otherwise (logs, pipes). */
final class BatchProgress {

    private BatchProgress() {
    }

    /** A bar when standard output is a terminal, else one line per file. */
    static ProgressListener forConsole(PrintWriter out) {
        return System.console() != null ? new Bar(System.out, out) : new Lines(out);
    }

    /** One line per file, e.g. {@code [3/12] control/c07.abf: 412 events in 120 s (2.1 s)}. */
    static final class Lines implements ProgressListener {
        private final PrintWriter out;

        Lines(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void started(int files, int concurrentFiles, int threadsPerFile) {
            out.println(BatchProgress.started(files, concurrentFiles, threadsPerFile));
            out.flush();
        }

        @Override
        public void fileDone(FileOutcome o, int done, int total) {
            out.println("[" + done + "/" + total + "] " + describe(o));
            out.flush();
        }

        @Override
        public void note(String message) {
            out.println(message);
            out.flush();
        }
    }

    /** A progress bar naming the last file finished; notes and failures are printed after it. */
    static final class Bar implements ProgressListener {
        private final PrintStream terminal;
        private final PrintWriter out;
        private ProgressBar bar;

        Bar(PrintStream terminal, PrintWriter out) {
            this.terminal = terminal;
            this.out = out;
        }

        @Override
        public void started(int files, int concurrentFiles, int threadsPerFile) {
            out.println(BatchProgress.started(files, concurrentFiles, threadsPerFile));
            out.flush();
            bar = new ProgressBarBuilder().setTaskName("batch").setInitialMax(files).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250).setConsumer(new ConsoleProgressBarConsumer(terminal)).build();
        }

        @Override
        public void fileDone(FileOutcome o, int done, int total) {
            bar.setExtraMessage(shorten(o.entry().label() + (o.failed() ? " FAILED" : ""), 40));
            bar.stepTo(done);
            if (done == total) {
                bar.close();
            }
        }

        @Override
        public void note(String message) {
            out.println(message);
            out.flush();
        }

        private static String shorten(String s, int n) {
            return s.length() <= n ? s : "…" + s.substring(s.length() - n + 1);
        }
    }

    static String started(int files, int concurrentFiles, int threadsPerFile) {
        return files + " file" + (files == 1 ? "" : "s") + ", " + concurrentFiles + " at a time with " + threadsPerFile
                + " thread" + (threadsPerFile == 1 ? "" : "s") + " each";
    }

    static String describe(FileOutcome o) {
        String file = o.entry().label();
        return switch (o.status()) {
            case ANALYSED -> String.format(Locale.ROOT, "%s: %d events in %s s (%.1f s)", file, o.eventCount(),
                    trim(o.analysedSeconds()), o.seconds());
            case UP_TO_DATE -> file + ": up to date (" + o.eventCount() + " events), not analysed again";
            case FAILED -> file + ": FAILED: " + o.reason();
        };
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
