package dev.imagesync.cli;

import dev.imagesync.job.FailureDescription;
import dev.imagesync.job.rescan.RescanImagesJobConfiguration;
import dev.imagesync.job.rescan.RescanSummary;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import java.io.PrintWriter;

/** Prints what a finished execution did and turns its status into the exit code. */
@Component
class ExecutionReporter {

    int report(PrintWriter out, PrintWriter err, JobExecution execution) {
        String job = execution.getJobInstance().getJobName();
        if (RescanImagesJobConfiguration.JOB_NAME.equals(job)) {
            out.print(RescanSummary.of(execution).render());
            out.flush();
        } else {
            out.printf("%s execution %d: %s%n", job, execution.getId(), execution.getStatus());
        }
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return ExitCodes.OK;
        }
        String cause = FailureDescription.firstOf(execution);
        err.printf("imagesync %s: execution %d %s%s%n", job, execution.getId(), execution.getStatus(),
                cause == null ? "" : ": " + cause);
        return ExitCodes.FAILURE;
    }
}
