package dev.imagesync.job.ops;

import dev.imagesync.job.rescan.RescanImagesJobConfiguration;
import dev.imagesync.job.rescan.RescanSummary;
import dev.imagesync.job.rescan.ScanCounts;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.batch.core.job.JobExecution;

/**
 * The project's own counters, next to Spring Batch's observations: per execution end, what a scan did
 * ({@code imagesync.scan.*}) and how executions ended ({@code imagesync.job.executions}). A restarted
 * execution adds only its own work: what its partitions resumed from, their predecessor already added.
 */
public class JobMetrics implements EveryJobListener {

    private final MeterRegistry meters;

    public JobMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void afterJob(JobExecution execution) {
        String job = execution.getJobInstance().getJobName();
        meters.counter("imagesync.job.executions", "job", job, "status", execution.getStatus().name()).increment();
        if (!RescanImagesJobConfiguration.JOB_NAME.equals(job)) {
            return;
        }
        ScanCounts counts = RescanSummary.of(execution).ownWork();
        meters.counter("imagesync.scan.repositories").increment(counts.repositories());
        meters.counter("imagesync.scan.tags").increment(counts.tags());
        meters.counter("imagesync.scan.records.written").increment(counts.records());
        meters.counter("imagesync.scan.keys.written").increment(counts.keys());
        counts.skippedByReason().forEach((reason, count) ->
                meters.counter("imagesync.scan.skipped", "reason", reason).increment(count));
    }
}
