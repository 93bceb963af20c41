package dev.imagesync.job.ops;

import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * A listener {@link JobListenerRegistrar} attaches to every job bean, so that operational concerns (ownership,
 * progress, metrics, shutdown) need no line in each job's configuration.
 */
public interface EveryJobListener extends JobExecutionListener {
}
