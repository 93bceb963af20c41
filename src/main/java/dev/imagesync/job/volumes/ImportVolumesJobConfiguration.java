package dev.imagesync.job.volumes;

import java.nio.file.Path;

import dev.imagesync.etcd.KeyValueStore;
import dev.imagesync.job.imports.EtcdEntryWriter;
import dev.imagesync.job.imports.ImportFileItemReader;
import dev.imagesync.job.imports.ImportJobParameters;
import dev.imagesync.job.imports.ValidateImportFileTasklet;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * import-volumes: {@code validate-volumes-file} checks the whole file (nothing is written if anything is
 * wrong), then {@code write-volumes} puts {@code volumes/{name}/mount/{key}} = value for chunks of
 * {@value #CHUNK_SIZE} volumes, in transactions of at most 16 keys. A restart resumes after the last
 * committed chunk.
 */
@Configuration
public class ImportVolumesJobConfiguration {

    public static final String JOB_NAME = "import-volumes";
    /** Volumes have a few mount options each: a chunk is one or two etcd transactions. */
    static final int CHUNK_SIZE = 4;

    @Bean
    public Job importVolumesJob(JobRepository jobRepository, Step validateVolumesFileStep, Step writeVolumesStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(validateVolumesFileStep)
                .next(writeVolumesStep)
                .build();
    }

    @Bean
    public Step validateVolumesFileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                        ValidateImportFileTasklet validateVolumesFileTasklet) {
        return new StepBuilder("validate-volumes-file", jobRepository)
                .tasklet(validateVolumesFileTasklet, transactionManager)
                .build();
    }

    @Bean
    public Step writeVolumesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                 ImportFileItemReader<VolumeEntry> volumeFileReader,
                                 EtcdEntryWriter<VolumeEntry> volumeWriter) {
        return new StepBuilder("write-volumes", jobRepository)
                .<VolumeEntry, VolumeEntry>chunk(CHUNK_SIZE)
                .reader(volumeFileReader)
                .writer(volumeWriter)
                .transactionManager(transactionManager)
                .build();
    }

    @Bean
    public VolumeFileParser volumeFileParser() {
        return new VolumeFileParser();
    }

    @Bean
    @StepScope
    public ValidateImportFileTasklet validateVolumesFileTasklet(
            @Value("#{jobParameters['" + ImportJobParameters.FILE + "']}") String file,
            @Value("#{jobParameters['" + ImportJobParameters.SHA256 + "']}") String sha256,
            VolumeFileParser volumeFileParser) {
        return new ValidateImportFileTasklet(Path.of(file), sha256, volumeFileParser);
    }

    @Bean
    @StepScope
    public ImportFileItemReader<VolumeEntry> volumeFileReader(
            @Value("#{jobParameters['" + ImportJobParameters.FILE + "']}") String file,
            @Value("#{jobParameters['" + ImportJobParameters.SHA256 + "']}") String sha256,
            VolumeFileParser volumeFileParser) {
        return new ImportFileItemReader<>("volumeFileReader", Path.of(file), sha256, volumeFileParser);
    }

    @Bean
    public EtcdEntryWriter<VolumeEntry> volumeWriter(KeyValueStore store, VolumeFileParser volumeFileParser) {
        return new EtcdEntryWriter<>(store, volumeFileParser);
    }
}
