package dev.imagesync.serve;

import dev.imagesync.etcd.LeaseLock;
import dev.imagesync.etcd.NodeRegistry;
import dev.imagesync.job.JobRunner;
import dev.imagesync.job.ops.ProcessLease;
import dev.imagesync.job.ops.RunningExecutions;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Serve mode ({@code imagesync.serve.enabled=true}): the schedule, node registration and the job endpoints. */
@Configuration
@ConditionalOnBooleanProperty("imagesync.serve.enabled")
public class ServeConfiguration {

    @Bean
    public ScheduledRescan scheduledRescan(LeaseLock lock, JobRunner jobRunner, JobOperator jobOperator,
                                           RunningExecutions running, ServeProperties serve) {
        return new ScheduledRescan(lock, jobRunner, jobOperator, running, serve.instanceId());
    }

    @Bean
    public RescanSchedule rescanSchedule(ScheduleProperties schedule, ScheduledRescan rescan) {
        return new RescanSchedule(schedule, rescan);
    }

    @Bean
    public NodeRegistration nodeRegistration(NodeRegistry registry, ProcessLease lease, ServeProperties serve) {
        String version = ServeConfiguration.class.getPackage().getImplementationVersion();
        return new NodeRegistration(registry, lease, serve.leaseTtl(), version == null ? "dev" : version);
    }

    @Bean
    public ServeLatch serveLatch() {
        return new ServeLatch();
    }

    @Bean
    public BackgroundLauncher backgroundLauncher(JobRunner jobRunner) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("http-job-");
        executor.setConcurrencyLimit(4);
        return new BackgroundLauncher(jobRunner, executor);
    }

    /** {@link JobsController} exists only in a web context; the guard keeps it off without a token. */
    @Configuration
    @ConditionalOnWebApplication
    static class JobEndpoints implements WebMvcConfigurer {

        private final ServeProperties serve;

        JobEndpoints(ServeProperties serve) {
            this.serve = serve;
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(new BearerTokenGuard(serve.token())).addPathPatterns("/jobs", "/jobs/**");
        }
    }
}
