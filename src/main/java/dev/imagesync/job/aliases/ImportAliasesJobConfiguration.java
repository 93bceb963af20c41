package dev.imagesync.job.aliases;

import java.nio.file.Path;

import dev.imagesync.catalog.KnownRegistries;
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
 * import-aliases: {@code validate-aliases-file} checks the whole file (nothing is written if anything is
 * wrong), then {@code write-aliases} puts {@code images/_aliases/{q(alias)}} = target, one transaction per
 * chunk of {@value #CHUNK_SIZE} aliases. A restart resumes after the last committed chunk.
 */
@Configuration
public class ImportAliasesJobConfiguration {

    public static final String JOB_NAME = "import-aliases";
    /** One key per alias: a chunk is exactly one etcd transaction of at most 16 puts. */
    static final int CHUNK_SIZE = 16;

    @Bean
    public Job importAliasesJob(JobRepository jobRepository, Step validateAliasesFileStep, Step writeAliasesStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(validateAliasesFileStep)
                .next(writeAliasesStep)
                .build();
    }

    @Bean
    public Step validateAliasesFileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                        ValidateImportFileTasklet validateAliasesFileTasklet) {
        return new StepBuilder("validate-aliases-file", jobRepository)
                .tasklet(validateAliasesFileTasklet, transactionManager)
                .build();
    }

    @Bean
    public Step writeAliasesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                 ImportFileItemReader<AliasEntry> aliasFileReader,
                                 EtcdEntryWriter<AliasEntry> aliasWriter) {
        return new StepBuilder("write-aliases", jobRepository)
                .<AliasEntry, AliasEntry>chunk(CHUNK_SIZE)
                .reader(aliasFileReader)
                .writer(aliasWriter)
                .transactionManager(transactionManager)
                .build();
    }

    @Bean
    public AliasFileParser aliasFileParser(KnownRegistries knownRegistries) {
        return new AliasFileParser(knownRegistries);
    }

    @Bean
    @StepScope
    public ValidateImportFileTasklet validateAliasesFileTasklet(
            @Value("#{jobParameters['" + ImportJobParameters.FILE + "']}") String file,
            @Value("#{jobParameters['" + ImportJobParameters.SHA256 + "']}") String sha256,
            AliasFileParser aliasFileParser) {
        return new ValidateImportFileTasklet(Path.of(file), sha256, aliasFileParser);
    }

    @Bean
    @StepScope
    public ImportFileItemReader<AliasEntry> aliasFileReader(
            @Value("#{jobParameters['" + ImportJobParameters.FILE + "']}") String file,
            @Value("#{jobParameters['" + ImportJobParameters.SHA256 + "']}") String sha256,
            AliasFileParser aliasFileParser) {
        return new ImportFileItemReader<>("aliasFileReader", Path.of(file), sha256, aliasFileParser);
    }

    @Bean
    public EtcdEntryWriter<AliasEntry> aliasWriter(KeyValueStore store, AliasFileParser aliasFileParser) {
        return new EtcdEntryWriter<>(store, aliasFileParser);
    }
}
