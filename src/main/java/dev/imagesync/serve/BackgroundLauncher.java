package dev.imagesync.serve;

import dev.imagesync.job.JobRunner;
import dev.imagesync.job.ops.EveryJobListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.core.task.TaskExecutor;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Launches and restarts jobs for HTTP requests on background threads, answering with the new execution's id as
 * soon as the job starts: each launch carries a {@code request.id} parameter, a restart continues a known job
 * instance, and this listener completes the caller's future when an execution of either begins. A launch or
 * restart refused before it starts (an execution that cannot be restarted, etcd out of reach) is thrown to the
 * caller instead.
 */
public class BackgroundLauncher implements EveryJobListener {

    public static final String REQUEST_ID = "request.id";
    private static final Logger log = LoggerFactory.getLogger(BackgroundLauncher.class);
    private static final Duration START_WAIT = Duration.ofSeconds(30);

    private final JobRunner jobRunner;
    private final TaskExecutor executor;
    private final Map<String, CompletableFuture<Long>> pending = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Long>> pendingRestarts = new ConcurrentHashMap<>();

    public BackgroundLauncher(JobRunner jobRunner, TaskExecutor executor) {
        this.jobRunner = jobRunner;
        this.executor = executor;
    }

    /** Starts a new instance of the job and returns its execution id once it runs. */
    public long launch(String jobName, Map<String, String> parameters) throws Exception {
        String requestId = UUID.randomUUID().toString();
        Map<String, String> withRequest = new HashMap<>(parameters);
        withRequest.put(REQUEST_ID, requestId);
        CompletableFuture<Long> started = new CompletableFuture<>();
        pending.put(requestId, started);
        executor.execute(() -> {
            try {
                jobRunner.launch(jobName, withRequest);
            } catch (Exception failed) {
                started.completeExceptionally(failed);
                log.warn("{} launched over HTTP failed: {}", jobName, failed.getMessage());
            } finally {
                pending.remove(requestId);
            }
        });
        return await(started);
    }

    /** Restarts the execution on a background thread and returns the new execution's id once it runs. */
    public long restart(long executionId) throws Exception {
        JobExecution previous = jobRunner.execution(executionId)
                .orElseThrow(() -> new IllegalArgumentException("no job execution with id " + executionId));
        long instanceId = previous.getJobInstance().getInstanceId();
        CompletableFuture<Long> started = new CompletableFuture<>();
        if (pendingRestarts.putIfAbsent(instanceId, started) != null) {
            throw new IllegalStateException("execution " + executionId + " is already being restarted");
        }
        executor.execute(() -> {
            try {
                jobRunner.restart(executionId);
            } catch (Exception refused) {
                started.completeExceptionally(refused);
                log.warn("restart of execution {} over HTTP failed: {}", executionId, refused.getMessage());
            } finally {
                pendingRestarts.remove(instanceId, started);
            }
        });
        return await(started);
    }

    @Override
    public void beforeJob(JobExecution execution) {
        String requestId = execution.getJobParameters().getString(REQUEST_ID);
        CompletableFuture<Long> launched = requestId == null ? null : pending.get(requestId);
        if (launched != null) {
            launched.complete(execution.getId());
        }
        CompletableFuture<Long> restarted = pendingRestarts.get(execution.getJobInstance().getInstanceId());
        if (restarted != null) {
            restarted.complete(execution.getId());
        }
    }

    private static long await(CompletableFuture<Long> started) throws Exception {
        try {
            return started.get(START_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException failed) {
            throw failed.getCause() instanceof Exception cause ? cause : failed;
        }
    }
}
