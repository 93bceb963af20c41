package dev.imagesync.job.ops;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Registers every {@link EveryJobListener} bean on every job bean, and gives jobs and steps the application's
 * {@link ObservationRegistry} so Spring Batch's observations reach the metrics registry. The listeners are
 * looked up when a job starts, not when the job bean is made: some of them need beans (the job runner) that
 * need the jobs.
 */
public class JobListenerRegistrar implements BeanPostProcessor {

    private final ObjectProvider<EveryJobListener> listeners;
    private final ObjectProvider<ObservationRegistry> observations;

    public JobListenerRegistrar(ObjectProvider<EveryJobListener> listeners,
                                ObjectProvider<ObservationRegistry> observations) {
        this.listeners = listeners;
        this.observations = observations;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractJob job) {
            job.registerJobExecutionListener(new LazyListeners());
            observations.ifAvailable(job::setObservationRegistry);
        } else if (bean instanceof AbstractStep step) {
            observations.ifAvailable(step::setObservationRegistry);
        }
        return bean;
    }

    /** Hands each job event to every {@link EveryJobListener}, in order; after the job, in reverse order. */
    private final class LazyListeners implements JobExecutionListener {

        @Override
        public void beforeJob(JobExecution execution) {
            listeners.orderedStream().forEach(listener -> listener.beforeJob(execution));
        }

        @Override
        public void afterJob(JobExecution execution) {
            List<EveryJobListener> all = new ArrayList<>(listeners.orderedStream().toList());
            Collections.reverse(all);
            all.forEach(listener -> listener.afterJob(execution));
        }
    }
}
