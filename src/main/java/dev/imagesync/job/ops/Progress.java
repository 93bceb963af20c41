package dev.imagesync.job.ops;

import java.time.Instant;

/**
 * How far one execution is: {@code current} items done (written, filtered or skipped) of {@code total} known so
 * far (read). A scan discovers its tags as it goes, so {@code total} grows while it runs.
 *
 * @param status Spring Batch's status name: STARTED while running, then COMPLETED, FAILED, STOPPED...
 */
public record Progress(long executionId, String job, String status, long current, long total, String message,
                       Instant updatedAt) {

    public boolean isFinished() {
        return !("STARTING".equals(status) || "STARTED".equals(status) || "STOPPING".equals(status));
    }
}
