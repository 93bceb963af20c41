package dev.imagesync.job;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Launches and restarts the project's jobs through the JDBC job repository. Every launch gets its own
 * identifying {@code launched.at} parameter, so each one is a new job instance (Spring Batch ignores passed
 * parameters on jobs with an incrementer, so none is used).
 */
@Component
public class JobRunner {

    public static final String LAUNCHED_AT = "launched.at";
    /** Identifies a scheduled firing: the time the schedule meant it to run, in the schedule's zone. */
    public static final String SCHEDULED_AT = "scheduled.at";

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Map<String, Job> jobs;
    private final ObjectProvider<LaunchPreparation> preparations;

    public JobRunner(JobOperator jobOperator, JobRepository jobRepository, List<Job> jobs,
                     ObjectProvider<LaunchPreparation> preparations) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jobs = jobs.stream().collect(Collectors.toMap(Job::getName, Function.identity()));
        this.preparations = preparations;
    }

    /** Runs a new instance of the job to its end in this thread. */
    public JobExecution launch(String jobName, Map<String, String> parameters) throws Exception {
        return launch(jobName, new JobParametersBuilder().addLocalDateTime(LAUNCHED_AT, LocalDateTime.now()),
                parameters);
    }

    /**
     * Runs the job instance identified by {@code scheduled.at} (and the parameters) to its end in this thread: a
     * firing that already ran to completion anywhere fails with {@code JobInstanceAlreadyCompleteException}.
     */
    public JobExecution launchScheduled(String jobName, LocalDateTime scheduledAt, Map<String, String> parameters)
            throws Exception {
        return launch(jobName, new JobParametersBuilder().addLocalDateTime(SCHEDULED_AT, scheduledAt), parameters);
    }

    private JobExecution launch(String jobName, JobParametersBuilder builder, Map<String, String> parameters)
            throws Exception {
        parameters.forEach((name, value) -> {
            if (value != null) {
                builder.addString(name, value);
            }
        });
        Job job = job(jobName);
        prepare();
        return jobOperator.start(job, builder.toJobParameters());
    }

    /** Resumes a FAILED or STOPPED execution from its last checkpoint, in this thread. */
    public JobExecution restart(long executionId) throws Exception {
        JobExecution execution = execution(executionId)
                .orElseThrow(() -> new IllegalArgumentException("no job execution with id " + executionId));
        BatchStatus status = execution.getStatus();
        if (status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED) {
            throw new IllegalStateException("execution " + executionId + " is " + status + " and cannot be restarted");
        }
        if (status.isRunning()) {
            throw new IllegalStateException("execution " + executionId + " is " + status
                    + "; if its process died, recover it first (imagesync restart does when its owner is gone)");
        }
        prepare();
        return jobOperator.restart(execution);
    }

    private void prepare() {
        preparations.orderedStream().forEach(LaunchPreparation::prepare);
    }

    /** The most recent FAILED or STOPPED execution of any of the project's jobs whose instance never completed. */
    public Optional<JobExecution> lastRestartable() {
        return jobs.keySet().stream()
                .flatMap(name -> jobRepository.getJobInstances(name, 0, 50).stream())
                .map(jobRepository::getLastJobExecution)
                .filter(execution -> execution != null
                        && (execution.getStatus() == BatchStatus.FAILED || execution.getStatus() == BatchStatus.STOPPED))
                .max(Comparator.comparing(JobExecution::getId));
    }

    /** Marks an execution whose process died FAILED, so that it can be restarted. */
    public JobExecution recover(JobExecution execution) {
        return jobOperator.recover(execution);
    }

    /**
     * Asks a running execution to stop: it is marked STOPPING in the job repository, and the process running it
     * (this one or another) stops at its next chunk boundary, ending STOPPED.
     */
    public void stop(long executionId) throws Exception {
        JobExecution execution = execution(executionId)
                .orElseThrow(() -> new IllegalArgumentException("no job execution with id " + executionId));
        if (!execution.isRunning()) {
            throw new IllegalStateException("execution " + executionId + " is " + execution.getStatus()
                    + ", not running");
        }
        jobOperator.stop(execution);
    }

    /** Executions the job repository records as running (some may belong to processes that died). */
    public List<JobExecution> runningExecutions() {
        return jobs.keySet().stream()
                .flatMap(name -> jobRepository.findRunningJobExecutions(name).stream())
                .sorted(Comparator.comparing(JobExecution::getId).reversed())
                .toList();
    }

    public java.util.Set<String> jobNames() {
        return java.util.Collections.unmodifiableSet(jobs.keySet());
    }

    public Optional<JobExecution> execution(long executionId) {
        try {
            return Optional.ofNullable(jobRepository.getJobExecution(executionId));
        } catch (EmptyResultDataAccessException unknown) {
            // The JDBC repository throws where the interface promises null.
            return Optional.empty();
        }
    }

    /** Recent executions of all jobs, newest first. */
    public List<JobExecution> recentExecutions(int limit) {
        return jobs.keySet().stream()
                .flatMap(name -> jobRepository.getJobInstances(name, 0, limit).stream())
                .map(JobInstance.class::cast)
                .flatMap(instance -> jobRepository.getJobExecutions(instance).stream())
                .sorted(Comparator.comparing(JobExecution::getId).reversed())
                .limit(limit)
                .toList();
    }

    private Job job(String name) {
        Job job = jobs.get(name);
        if (job == null) {
            throw new IllegalArgumentException("unknown job '" + name + "' (known: " + String.join(", ", jobs.keySet()) + ")");
        }
        return job;
    }

}
