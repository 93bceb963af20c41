package dev.imagesync.job.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/** Logs each execution's start and end with its id, for the log of a serve instance or a scheduled run. */
@Component
public class JobLifecycleLogger implements EveryJobListener {

    private static final Logger log = LoggerFactory.getLogger(JobLifecycleLogger.class);

    @Override
    public void beforeJob(JobExecution execution) {
        log.info("{} execution {} started (instance {})", execution.getJobInstance().getJobName(),
                execution.getId(), execution.getJobInstance().getInstanceId());
    }

    @Override
    public void afterJob(JobExecution execution) {
        log.info("{} execution {} ended {}", execution.getJobInstance().getJobName(), execution.getId(),
                execution.getStatus());
    }
}
