package ddmatch.cli;

import ddmatch.solve.ProgressListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Renders {@link ProgressListener} events as a progress bar on stderr, only when stderr is an interactive terminal. */
final class TerminalProgress implements ProgressListener {
    private ProgressBar bar;

    /** A progress bar on a terminal, or {@link ProgressListener#NONE} when output is redirected or {@code quiet}. */
    static ProgressListener forTerminal(boolean quiet) {
        return !quiet && System.console() != null ? new TerminalProgress() : ProgressListener.NONE;
    }

    @Override
    public void start(String task, long total) {
        finish();
        bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(250).build();
    }

    @Override
    public void advance(long done) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    @Override
    public void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
