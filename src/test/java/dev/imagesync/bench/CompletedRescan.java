package dev.imagesync.bench;

import dev.imagesync.job.JobRunner;
import dev.imagesync.job.rescan.RescanImagesJobConfiguration;
import dev.imagesync.job.rescan.RescanSummary;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import java.util.Map;

/** Runs rescan-images for a benchmark, which has no figures to give for a scan that did not complete. */
final class CompletedRescan {

    private CompletedRescan() {
    }

    /** @param name what the scan is called in the error when it does not complete */
    static RescanSummary run(JobRunner jobs, String name, Map<String, String> parameters) throws Exception {
        JobExecution execution = jobs.launch(RescanImagesJobConfiguration.JOB_NAME, parameters);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException(name + " ended " + execution.getStatus() + ": "
                    + execution.getAllFailureExceptions());
        }
        return RescanSummary.of(execution);
    }
}
