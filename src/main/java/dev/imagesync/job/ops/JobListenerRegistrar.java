package dev.imagesync.job.ops;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Registers every {@link EveryJobListener} bean on every job bean, and gives jobs and steps the application's
 * {@link ObservationRegistry} so Spring Batch's observations reach the metrics registry. The providers are
 * resolved lazily: a post-processor must not create beans while it is itself being created.
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
            listeners.orderedStream().forEach(job::registerJobExecutionListener);
            observations.ifAvailable(job::setObservationRegistry);
        } else if (bean instanceof AbstractStep step) {
            observations.ifAvailable(step::setObservationRegistry);
        }
        return bean;
    }
}
