package dev.imagesync.job.rescan;

import dev.imagesync.catalog.AliasResolver;
import dev.imagesync.etcd.KeyValueStore;
import dev.imagesync.etcd.RegistryConfigReader;
import dev.imagesync.image.ImageRecord;
import dev.imagesync.image.KernelImagePolicy;
import dev.imagesync.jdbc.TagDigestRepository;
import dev.imagesync.registry.RegistryClientFactory;
import dev.imagesync.registry.RegistryProperties;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;


/**
 * rescan-images: a partition per registry ({@link RegistryPartitioner}), each a chunk-oriented step
 * {@link RegistryTagReader} → {@link TagProcessor} → {@link ImageRecordWriter}, with tags inspected
 * concurrently up to a chunk ahead of the step ({@link InspectionWindow}) and chunks committed in order, and
 * {@link RegistryPruner} after a completed partition.
 */
@Configuration
@EnableConfigurationProperties(ScanProperties.class)
public class RescanImagesJobConfiguration {

    public static final String JOB_NAME = "rescan-images";
    /** Job parameter naming the only registry to scan; absent means all. */
    public static final String REGISTRY_PARAMETER = "registry";
    static final String MANAGER_STEP = "scan-registries";
    static final String WORKER_STEP = "scan-registry";

    @Bean
    public Job rescanImagesJob(JobRepository jobRepository, Step scanRegistriesStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(scanRegistriesStep)
                .build();
    }

    @Bean
    public Step scanRegistriesStep(JobRepository jobRepository, Step scanRegistryStep,
                                   RegistryPartitioner registryPartitioner, ScanProperties scan) {
        SimpleAsyncTaskExecutor registryExecutor = new SimpleAsyncTaskExecutor("scan-registry-");
        registryExecutor.setConcurrencyLimit(scan.parallelRegistries());
        return new StepBuilder(MANAGER_STEP, jobRepository)
                .partitioner(WORKER_STEP, registryPartitioner)
                .step(scanRegistryStep)
                .taskExecutor(registryExecutor)
                .build();
    }

    @Bean
    public Step scanRegistryStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                 RegistryTagReader registryTagReader, TagProcessor tagProcessor,
                                 ImageRecordWriter imageRecordWriter,
                                 RegistryPruner registryPruner, ScanProperties scan) {
        return new StepBuilder(WORKER_STEP, jobRepository)
                .<PendingTag, ImageRecord>chunk(scan.chunkSize())
                .reader(registryTagReader)
                .processor(tagProcessor)
                .writer(imageRecordWriter)
                .listener(registryPruner)
                .transactionManager(transactionManager)
                .build();
    }

    @Bean
    public KernelImagePolicy kernelImagePolicy(ScanProperties scan) {
        return new KernelImagePolicy(scan.minKernelspec(), scan.maxKernelspec(), scan.architecture(),
                scan.strictArchitecture());
    }

    @Bean
    @StepScope
    public RegistryPartitioner registryPartitioner(RegistryConfigReader configReader,
                                                   @Value("#{jobParameters['" + REGISTRY_PARAMETER + "']}") String registry) {
        return new RegistryPartitioner(configReader, registry);
    }

    @Bean
    public CatalogSnapshot catalogSnapshot(KeyValueStore store, KernelImagePolicy policy) {
        return new CatalogSnapshot(store, policy);
    }

    @Bean
    @StepScope
    public RegistryScanSession registryScanSession(
            @Value("#{stepExecutionContext['" + RegistryPartitioner.REGISTRY_KEY + "']}") String registry,
            @Value("#{jobParameters['" + ScanMode.FULL + "']}") String full,
            @Value("#{jobParameters['" + ScanMode.PRUNE + "']}") String prune,
            @Value("#{jobParameters['" + ScanMode.DRY_RUN + "']}") String dryRun,
            RegistryConfigReader configReader, RegistryClientFactory clientFactory, TagDigestRepository digests,
            KernelImagePolicy policy) {
        return new RegistryScanSession(registry, ScanMode.fromParameters(full, prune, dryRun), configReader,
                clientFactory, digests, policy.architecture());
    }

    @Bean
    @StepScope
    public RegistryTagReader registryTagReader(RegistryScanSession registryScanSession, KernelImagePolicy policy,
                                               CatalogSnapshot catalogSnapshot, RegistryProperties registry,
                                               ScanProperties scan) {
        return new RegistryTagReader(registryScanSession, policy, catalogSnapshot, registry.concurrency(),
                scan.chunkSize());
    }

    @Bean
    @StepScope
    public RegistryPruner registryPruner(KeyValueStore store, AliasResolver aliasResolver,
                                         RegistryScanSession registryScanSession) {
        return new RegistryPruner(store, aliasResolver, registryScanSession);
    }

    @Bean
    @StepScope
    public TagProcessor tagProcessor(RegistryScanSession registryScanSession, ScanProperties scan) {
        return new TagProcessor(registryScanSession, scan.skipLimit());
    }

    @Bean
    @StepScope
    public ImageRecordWriter imageRecordWriter(KeyValueStore store, RegistryScanSession registryScanSession) {
        return new ImageRecordWriter(store, registryScanSession);
    }

}
