package dev.imagesync.serve;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagesync.etcd.LeaseLock;
import dev.imagesync.job.JobRunner;
import dev.imagesync.job.ops.RunningExecutions;
import dev.imagesync.testsupport.Await;
import dev.imagesync.testsupport.LocalServices;
import dev.imagesync.testsupport.SlowScanTestBase;
import io.etcd.jetcd.ByteSequence;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDateTime;

/** A scheduled scan whose instance loses the cluster lock mid-run stops at the next chunk boundary. */
class LockLossTest extends SlowScanTestBase {

    @Autowired
    LeaseLock lock;
    @Autowired
    JobRunner jobRunner;
    @Autowired
    JobOperator jobOperator;
    @Autowired
    RunningExecutions running;

    @Test
    void lostLockLease_stopsTheScheduledScanAtTheNextChunk() throws Exception {
        ScheduledRescan rescan = new ScheduledRescan(lock, jobRunner, jobOperator, running, "lock-loss-test");
        LocalDateTime firing = LocalDateTime.of(2030, 1, 1, 3, 0);
        Thread scheduler = new Thread(() -> rescan.fire(firing), "test-firing");
        scheduler.start();
        JobExecution execution = Await.value(Duration.ofSeconds(30), () -> running.snapshot().stream()
                .filter(e -> firing.equals(e.getJobParameters().getLocalDateTime(JobRunner.SCHEDULED_AT)))
                .filter(e -> written(e) >= 1).findFirst().orElse(null));

        ByteSequence lockKey = ByteSequence.from("/sorna/" + namespace() + "/imagesync/locks/rescan-images", UTF_8);
        var client = LocalServices.etcd().rawClient();
        long lease = client.getKVClient().get(lockKey).get().getKvs().get(0).getLease();
        client.getLeaseClient().revoke(lease).get();
        scheduler.join(Duration.ofSeconds(30).toMillis());
        rescan.close();

        JobExecution ended = jobRunner.execution(execution.getId()).orElseThrow();
        assertThat(scheduler.isAlive()).isFalse();
        assertThat(ended.getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(written(ended)).isBetween(1L, TAGS - 1L);
        assertThat(lock.holder("rescan-images")).isEmpty();
    }

    private static long written(JobExecution execution) {
        return execution.getStepExecutions().stream().filter(step -> step.getStepName().contains(":"))
                .mapToLong(StepExecution::getWriteCount).sum();
    }
}
