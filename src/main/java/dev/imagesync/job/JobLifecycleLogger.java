package dev.imagesync.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/** Announces each execution's id as it starts, so an operator can restart or stop it while it runs. */
@Component
public class JobLifecycleLogger implements JobExecutionListener {

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
