package dev.imagesync.cli;

import dev.imagesync.job.ops.EveryJobListener;
import dev.imagesync.job.ops.Progress;
import dev.imagesync.job.ops.ProgressSink;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The terminal side of a job a command runs in the foreground: its execution id on stderr as soon as it starts
 * (so it can be stopped or restarted while it runs), then a progress bar on a terminal (items done / known so
 * far, rate, ETA) or, when stderr is a file or pipe, a progress line every few seconds. Silent for jobs the
 * command did not launch (serve's schedule).
 */
@Component
class ForegroundJobConsole implements EveryJobListener, ProgressSink {

    private static final Duration LINE_INTERVAL = Duration.ofSeconds(5);

    private final boolean terminal = System.console() != null;
    private volatile boolean attached;
    private volatile boolean showProgress;
    private ProgressBar bar;
    private long lastLineNanos;

    /** Called by a command right before it launches or restarts a job. */
    void attach(boolean withProgress) {
        attached = true;
        showProgress = withProgress;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        if (attached) {
            System.err.printf("imagesync: %s execution %d started%n", execution.getJobInstance().getJobName(),
                    execution.getId());
            System.err.flush();
        }
    }

    @Override
    public synchronized void publish(Progress progress) {
        if (!attached || !showProgress) {
            return;
        }
        if (terminal) {
            showBar(progress);
        } else {
            showLine(progress);
        }
    }

    private void showBar(Progress progress) {
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName(progress.job()).setInitialMax(Math.max(1, progress.total()))
                    .setUnit(" items", 1).showSpeed().setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(
                            System.err)).build();
        }
        bar.maxHint(Math.max(progress.total(), progress.current()));
        bar.stepTo(progress.current());
        if (progress.isFinished()) {
            bar.close();
            bar = null;
        }
    }

    private void showLine(Progress progress) {
        long now = System.nanoTime();
        if (!progress.isFinished() && lastLineNanos != 0 && now - lastLineNanos < LINE_INTERVAL.toNanos()) {
            return;
        }
        lastLineNanos = now;
        System.err.println("imagesync: " + progress.message());
    }
}
