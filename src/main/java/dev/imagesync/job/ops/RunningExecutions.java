package dev.imagesync.job.ops;

import org.springframework.batch.core.job.JobExecution;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The executions running in this JVM right now, for a shutdown that stops them cleanly. Thread-safe. */
public class RunningExecutions implements EveryJobListener {

    private final Map<Long, JobExecution> running = new ConcurrentHashMap<>();

    @Override
    public void beforeJob(JobExecution execution) {
        running.put(execution.getId(), execution);
    }

    @Override
    public void afterJob(JobExecution execution) {
        synchronized (running) {
            running.remove(execution.getId());
            running.notifyAll();
        }
    }

    public List<JobExecution> snapshot() {
        return List.copyOf(running.values());
    }

    /** Waits until no execution runs here or {@code timeout} passes; returns whether none runs. */
    public boolean awaitNone(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (running) {
            while (!running.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                running.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }
}
