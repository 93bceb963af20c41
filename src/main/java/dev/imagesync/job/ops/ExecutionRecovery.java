package dev.imagesync.job.ops;

import dev.imagesync.job.JobRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;

import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Tells executions left STARTED by a dead process (no owner key in etcd) from those still running somewhere,
 * and recovers the former (marks them FAILED) so that they can be restarted. Never touches a live one.
 */
public class ExecutionRecovery {

    private static final Logger log = LoggerFactory.getLogger(ExecutionRecovery.class);

    private final JobRunner jobRunner;
    private final ExecutionOwnership ownership;

    public ExecutionRecovery(JobRunner jobRunner, ExecutionOwnership ownership) {
        this.jobRunner = jobRunner;
        this.ownership = ownership;
    }

    /**
     * Makes the execution restartable if it is not already: a running one whose owner is gone is recovered; one
     * whose owner is alive fails with a message naming that owner.
     */
    public void recoverIfOrphaned(long executionId) {
        JobExecution execution = jobRunner.execution(executionId)
                .orElseThrow(() -> new IllegalArgumentException("no job execution with id " + executionId));
        if (!execution.isRunning()) {
            return;
        }
        Optional<String> owner = ownership.ownerOf(executionId);
        if (owner.isPresent()) {
            throw new IllegalStateException("execution " + executionId + " is " + execution.getStatus()
                    + " on instance " + owner.get() + ", which is alive: not touched (stop it with 'imagesync stop "
                    + executionId + "')");
        }
        log.info("execution {} is {} but its process is gone (no owner lease): recovering it", executionId,
                execution.getStatus());
        jobRunner.recover(execution);
    }

    /** The newest execution a restart can resume: FAILED, STOPPED, or left running by a dead process. */
    public Optional<JobExecution> lastRestartable() {
        Stream<JobExecution> orphans = jobRunner.runningExecutions().stream()
                .filter(execution -> ownership.ownerOf(execution.getId()).isEmpty());
        return Stream.concat(jobRunner.lastRestartable().stream(), orphans)
                .max(Comparator.comparing(JobExecution::getId));
    }
}
