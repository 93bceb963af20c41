package dev.imagesync.job.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;

import java.time.Duration;

/**
 * On SIGTERM (the context closing) asks every execution running here to stop at its next chunk boundary and
 * waits for them to end STOPPED, so they can be restarted. It runs first among the close listeners: the task
 * executors stop taking work on the same event, and a chunk cut off mid-way would end FAILED instead.
 */
public class GracefulShutdown implements ApplicationListener<ContextClosedEvent>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(GracefulShutdown.class);

    private final RunningExecutions running;
    private final JobOperator jobOperator;
    private final Duration grace;

    public GracefulShutdown(RunningExecutions running, JobOperator jobOperator, Duration grace) {
        this.running = running;
        this.jobOperator = jobOperator;
        this.grace = grace;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        for (JobExecution execution : running.snapshot()) {
            log.info("shutting down: stopping {} execution {} at its next chunk boundary",
                    execution.getJobInstance().getJobName(), execution.getId());
            try {
                jobOperator.stop(execution);
            } catch (Exception notStopped) {
                log.warn("could not stop execution {}: {}", execution.getId(), notStopped.getMessage());
            }
        }
        try {
            if (!running.awaitNone(grace)) {
                log.warn("executions still running after {}s; they will need 'imagesync restart'", grace.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int getOrder() {
        // Right after the schedule stops taking firings, before the task executors stop taking work.
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
