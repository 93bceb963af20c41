package dev.imagesync.app;

import dev.imagesync.serve.ServeProperties;
import dev.imagesync.etcd.EtcdLeases;
import dev.imagesync.etcd.EtcdProperties;
import dev.imagesync.etcd.KeyValueStore;
import dev.imagesync.etcd.LeaseLock;
import dev.imagesync.etcd.NodeRegistry;
import dev.imagesync.job.JobRunner;
import dev.imagesync.job.ops.EveryJobListener;
import dev.imagesync.job.ops.ExecutionOwnership;
import dev.imagesync.job.ops.ExecutionRecovery;
import dev.imagesync.job.ops.GracefulShutdown;
import dev.imagesync.job.ops.JobListenerRegistrar;
import dev.imagesync.job.ops.JobMetrics;
import dev.imagesync.job.ops.ProcessLease;
import dev.imagesync.job.ops.ProgressSampler;
import dev.imagesync.job.ops.ProgressSink;
import dev.imagesync.job.ops.RedisProgressSink;
import dev.imagesync.job.ops.RegistryRequestMetrics;
import dev.imagesync.job.ops.RunningExecutions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * What every process needs to run jobs among others: execution ownership in etcd (so crashes are recognised),
 * clean stop on SIGTERM, progress and metrics. Serve-only parts are in {@code ServeConfiguration}.
 */
@Configuration
public class OpsConfiguration {

    /** Static: a post-processor is created before the other beans and must not pull them in early. */
    @Bean
    static JobListenerRegistrar jobListenerRegistrar(ObjectProvider<EveryJobListener> listeners,
                                                     ObjectProvider<ObservationRegistry> observations) {
        return new JobListenerRegistrar(listeners, observations);
    }

    @Bean(destroyMethod = "close")
    public EtcdLeases etcdLeases(EtcdProperties etcd) {
        return new EtcdLeases(etcd);
    }

    @Bean(destroyMethod = "close")
    public ProcessLease processLease(EtcdLeases leases, ServeProperties serve) {
        return new ProcessLease(leases, serve.instanceId(), serve.leaseTtl());
    }

    @Bean
    public LeaseLock leaseLock(EtcdLeases leases, ServeProperties serve) {
        return new LeaseLock(leases, serve.leaseTtl());
    }

    @Bean
    public NodeRegistry nodeRegistry(EtcdLeases leases, KeyValueStore store) {
        return new NodeRegistry(leases, store);
    }

    @Bean
    public ExecutionOwnership executionOwnership(EtcdLeases leases, ProcessLease processLease) {
        return new ExecutionOwnership(leases, processLease);
    }

    @Bean
    public ExecutionRecovery executionRecovery(JobRunner jobRunner, ExecutionOwnership ownership) {
        return new ExecutionRecovery(jobRunner, ownership);
    }

    @Bean
    public RunningExecutions runningExecutions() {
        return new RunningExecutions();
    }

    @Bean
    public GracefulShutdown gracefulShutdown(RunningExecutions running, JobOperator jobOperator,
                                             ServeProperties serve) {
        return new GracefulShutdown(running, jobOperator, serve.shutdownGrace());
    }

    @Bean(destroyMethod = "close")
    public ProgressSampler progressSampler(ObjectProvider<ProgressSink> sinks, ProgressProperties progress) {
        return new ProgressSampler(sinks.orderedStream().toList(), progress.interval());
    }

    @Bean
    public ProgressSink redisProgressSink(StringRedisTemplate redis, ProgressProperties progress) {
        return progress.redis() ? new RedisProgressSink(redis) : ignored -> { };
    }

    /** Outside serve mode there is no metrics registry (see CommandAutoConfigurationFilter): count into a no-op. */
    @Bean
    public JobMetrics jobMetrics(ObjectProvider<MeterRegistry> meters) {
        return new JobMetrics(meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Bean
    public RegistryRequestMetrics registryRequestMetrics(ObjectProvider<MeterRegistry> meters) {
        return new RegistryRequestMetrics(meters.getIfAvailable(() -> Metrics.globalRegistry));
    }
}
