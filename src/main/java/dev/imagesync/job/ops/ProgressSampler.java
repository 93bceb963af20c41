package dev.imagesync.job.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Samples every running execution's step counts every few seconds and hands a {@link Progress} to the sinks.
 * It reads the live step executions rather than hooking into a job, so any job reports progress. Sinks run on
 * the sampler's own thread: a slow Redis never slows a scan.
 */
public class ProgressSampler implements EveryJobListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProgressSampler.class);
    /** How long the end of a job waits for its last sample to be published before the process may exit. */
    private static final Duration FINAL_PUBLISH_WAIT = Duration.ofSeconds(3);

    private final List<ProgressSink> sinks;
    private final Duration interval;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "progress-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Long, ScheduledFuture<?>> sampling = new ConcurrentHashMap<>();

    public ProgressSampler(List<ProgressSink> sinks, Duration interval) {
        this.sinks = sinks;
        this.interval = interval;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        long millis = interval.toMillis();
        sampling.put(execution.getId(), sampler.scheduleAtFixedRate(() -> publish(sample(execution)), 0, millis,
                TimeUnit.MILLISECONDS));
    }

    @Override
    public void afterJob(JobExecution execution) {
        ScheduledFuture<?> periodic = sampling.remove(execution.getId());
        if (periodic != null) {
            periodic.cancel(false);
        }
        Future<?> last = ((ExecutorService) sampler).submit(() -> publish(sample(execution)));
        try {
            last.get(FINAL_PUBLISH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notInTime) {
            log.debug("final progress of execution {} not published in time", execution.getId(), notInTime);
        }
    }

    /** The execution's progress now, summed over its worker steps. */
    static Progress sample(JobExecution execution) {
        long done = 0;
        long known = 0;
        for (StepExecution step : workerSteps(execution.getStepExecutions())) {
            done += step.getWriteCount() + step.getFilterCount() + step.getProcessSkipCount() + step.getWriteSkipCount();
            known += step.getReadCount() + step.getReadSkipCount();
        }
        known = Math.max(known, done);
        String job = execution.getJobInstance().getJobName();
        String status = execution.getStatus().name();
        String message = String.format("%s execution %d %s: %d of %d items done", job, execution.getId(),
                status, done, known);
        return new Progress(execution.getId(), job, status, done, known, message, Instant.now());
    }

    /**
     * Partition workers ({@code step:partitionN}) when there are any: their manager step receives their sums only
     * when it ends, and counting both would double the numbers.
     */
    private static List<StepExecution> workerSteps(Collection<StepExecution> steps) {
        List<StepExecution> copy = List.copyOf(steps);
        List<StepExecution> partitions = copy.stream().filter(step -> step.getStepName().contains(":")).toList();
        return partitions.isEmpty() ? copy : partitions;
    }

    private void publish(Progress progress) {
        for (ProgressSink sink : sinks) {
            try {
                sink.publish(progress);
            } catch (RuntimeException failed) {
                log.debug("progress sink {} failed", sink.getClass().getSimpleName(), failed);
            }
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
