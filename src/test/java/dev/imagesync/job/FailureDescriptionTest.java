package dev.imagesync.job;

import dev.imagesync.etcd.EtcdUnavailableException;
import dev.imagesync.job.rescan.SkipLimitExceededException;
import dev.imagesync.job.rescan.UnknownRegistryException;
import dev.imagesync.registry.RegistryUnavailableException;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FailureDescriptionTest {

    @Test
    void of_prefersTheOutermostImagesyncExceptionOverWrappersAndLibraryCauses() {
        RegistryUnavailableException registry = new RegistryUnavailableException("cr", "GET", "/v2/x/manifests/1", 5,
                "HTTP 500", null);
        Throwable wrapped = new IllegalStateException("Unable to process chunk",
                new SkipLimitExceededException("cr", 2, registry));

        assertThat(FailureDescription.of(wrapped)).startsWith("registry 'cr': more than 2 tags failed (skip limit)");
        assertThat(FailureDescription.of(new RuntimeException("wrapper",
                new EtcdUnavailableException("etcd at http://e:2379 did not answer within 5s",
                        new IOException("deadline exceeded"))))).isEqualTo("etcd at http://e:2379 did not answer within 5s");
        assertThat(FailureDescription.of(new RuntimeException("outer\n  second line", new IOException())))
                .isEqualTo("outer second line");
    }

    @Test
    void firstOf_namesTheFailedPartitionRatherThanThePartitionManagersSummary() {
        JobExecution execution = new JobExecution(1L, new JobInstance(1L, "rescan-images"), new JobParameters());
        StepExecution manager = new StepExecution(1L, "scan-registries", execution);
        manager.addFailureException(new IllegalStateException("Partition handler returned an unsuccessful step"));
        StepExecution partition = new StepExecution(2L, "scan-registry:cr", execution);
        partition.addFailureException(new IllegalStateException("wrapped",
                new UnknownRegistryException("cr", List.of())));
        execution.addStepExecutions(List.of(manager, partition));
        execution.setStatus(BatchStatus.FAILED);

        assertThat(FailureDescription.firstOf(execution)).startsWith("unknown registry 'cr'");
    }
}
