package dev.imagesync.job.imports;

import java.nio.file.Path;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The first step of an import: reads and checks the whole file before anything is written, failing the job
 * with one message that lists every problem. A launcher may have checked it already; the job checks again
 * because it cannot know who launched it.
 */
public class ValidateImportFileTasklet implements Tasklet {

    private final Path path;
    private final String sha256;
    private final ImportFileParser<?> parser;

    public ValidateImportFileTasklet(Path path, String sha256, ImportFileParser<?> parser) {
        this.path = path;
        this.sha256 = sha256;
        this.parser = parser;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        int entries = parser.parse(ImportFile.readExpecting(path, sha256)).size();
        contribution.getStepExecution().getExecutionContext().putInt("entries", entries);
        return RepeatStatus.FINISHED;
    }
}
