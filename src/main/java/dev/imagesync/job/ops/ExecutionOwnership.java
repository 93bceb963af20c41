package dev.imagesync.job.ops;

import dev.imagesync.etcd.EtcdException;
import dev.imagesync.etcd.EtcdLeases;
import dev.imagesync.job.LaunchPreparation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;

import java.util.Optional;

/**
 * Marks each running execution as owned by this process: {@code imagesync/executions/{id}} = instance id, bound
 * to the process lease. A STARTED execution without that key belongs to a process that died, and may be
 * recovered; one with it is alive somewhere and is left alone.
 *
 * <p>The process lease is taken before the launch ({@link #prepare()}): with etcd out of reach the launch fails
 * at once and leaves no execution behind, and the connection set-up is not paid inside the job.
 */
public class ExecutionOwnership implements EveryJobListener, LaunchPreparation {

    public static final String PREFIX = "imagesync/executions/";
    private static final Logger log = LoggerFactory.getLogger(ExecutionOwnership.class);

    private final EtcdLeases leases;
    private final ProcessLease processLease;

    public ExecutionOwnership(EtcdLeases leases, ProcessLease processLease) {
        this.leases = leases;
        this.processLease = processLease;
    }

    @Override
    public void prepare() {
        processLease.lease();
    }

    @Override
    public void beforeJob(JobExecution execution) {
        leases.put(PREFIX + execution.getId(), processLease.instanceId(), processLease.lease());
    }

    @Override
    public void afterJob(JobExecution execution) {
        try {
            leases.delete(PREFIX + execution.getId());
        } catch (EtcdException notDeleted) {
            // Harmless: the key goes with the process lease; the execution has ended anyway.
            log.warn("could not clear the owner of execution {}: {}", execution.getId(), notDeleted.getMessage());
        }
    }

    /** The instance running the execution, if it is alive. */
    public Optional<String> ownerOf(long executionId) {
        return leases.get(PREFIX + executionId);
    }
}
