package dev.imagesync.serve;

import dev.imagesync.etcd.LeaseLock;
import dev.imagesync.job.JobRunner;
import dev.imagesync.job.ops.RunningExecutions;
import dev.imagesync.job.rescan.RescanImagesJobConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One firing of the rescan schedule on this instance: runs rescan-images if this instance wins the cluster-wide
 * lock, else logs that it runs elsewhere. While it runs, a watchdog checks the lock's lease every second; once
 * lost (etcd unreachable for a TTL, so another instance may take over) the execution is stopped at its next
 * chunk boundary. A firing that already completed elsewhere is not run again: {@code scheduled.at} identifies
 * the job instance in the shared job repository.
 */
public class ScheduledRescan implements ApplicationListener<ContextClosedEvent>, Ordered {

    static final String LOCK_NAME = RescanImagesJobConfiguration.JOB_NAME;
    private static final Logger log = LoggerFactory.getLogger(ScheduledRescan.class);

    private final LeaseLock lock;
    private final JobRunner jobRunner;
    private final JobOperator jobOperator;
    private final RunningExecutions running;
    private final String instanceId;
    private volatile boolean closing;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lock-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    public ScheduledRescan(LeaseLock lock, JobRunner jobRunner, JobOperator jobOperator, RunningExecutions running,
                           String instanceId) {
        this.lock = lock;
        this.jobRunner = jobRunner;
        this.jobOperator = jobOperator;
        this.running = running;
        this.instanceId = instanceId;
    }

    /** Runs the firing meant for {@code scheduledAt} here, or leaves it to the instance holding the lock. */
    public void fire(LocalDateTime scheduledAt) {
        if (closing) {
            log.info("rescan-images firing {} skipped: shutting down", scheduledAt);
            return;
        }
        var acquired = lock.tryAcquire(LOCK_NAME, instanceId);
        if (acquired.isEmpty()) {
            log.info("rescan-images firing {} runs elsewhere (lock held by {})", scheduledAt,
                    lock.holder(LOCK_NAME).orElse("another instance"));
            return;
        }
        LeaseLock.Held held = acquired.get();
        ScheduledFuture<?> guard = watchdog.scheduleWithFixedDelay(() -> {
            if (!held.isHeld()) {
                stopFiring(scheduledAt);
            }
        }, 1, 1, TimeUnit.SECONDS);
        try (held) {
            JobExecution execution = jobRunner.launchScheduled(RescanImagesJobConfiguration.JOB_NAME, scheduledAt,
                    Map.of());
            log.info("rescan-images firing {} ended {} (execution {})", scheduledAt, execution.getStatus(),
                    execution.getId());
        } catch (JobInstanceAlreadyCompleteException | JobExecutionAlreadyRunningException ranElsewhere) {
            log.info("rescan-images firing {} runs elsewhere (already {} in the job repository)", scheduledAt,
                    ranElsewhere instanceof JobInstanceAlreadyCompleteException ? "completed" : "running");
        } catch (Exception failed) {
            log.warn("rescan-images firing {} could not run: {}", scheduledAt, failed.getMessage());
        } finally {
            guard.cancel(false);
        }
    }

    private void stopFiring(LocalDateTime scheduledAt) {
        for (JobExecution execution : running.snapshot()) {
            LocalDateTime firing = execution.getJobParameters().getLocalDateTime(JobRunner.SCHEDULED_AT);
            if (scheduledAt.equals(firing) && execution.getStatus().isRunning()
                    && execution.getStatus() != org.springframework.batch.core.BatchStatus.STOPPING) {
                log.warn("lost the rescan-images lock: stopping execution {} at its next chunk boundary",
                        execution.getId());
                try {
                    jobOperator.stop(execution);
                } catch (Exception notStopped) {
                    log.warn("could not stop execution {}: {}", execution.getId(), notStopped.getMessage());
                }
            }
        }
    }

    /** No new firing once shutdown begins: the running one is being stopped by {@code GracefulShutdown}. */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        closing = true;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    void close() {
        closing = true;
        watchdog.shutdownNow();
    }
}
