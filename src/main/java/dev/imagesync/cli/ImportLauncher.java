package dev.imagesync.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.imagesync.etcd.KeyValueStore;
import dev.imagesync.job.JobRunner;
import dev.imagesync.job.imports.DryRunPlan;
import dev.imagesync.job.imports.ImportFile;
import dev.imagesync.job.imports.ImportFileParser;
import dev.imagesync.job.imports.ImportJobParameters;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/**
 * Runs an import job for a file: checks the whole file first (an invalid file starts no job), prints the
 * changes instead with {@code --dry-run}, resumes a failed import of the same file content, else launches a
 * new one.
 */
@Component
class ImportLauncher {

    /** How far back to look for a failed import of the same file to resume. */
    private static final int RESUME_WINDOW = 200;

    private final JobRunner jobRunner;
    private final ExecutionReporter reporter;
    private final KeyValueStore store;

    ImportLauncher(JobRunner jobRunner, ExecutionReporter reporter, KeyValueStore store) {
        this.jobRunner = jobRunner;
        this.reporter = reporter;
        this.store = store;
    }

    <T> int run(String jobName, Path path, ImportFileParser<T> parser, boolean dryRun, PrintWriter out,
                PrintWriter err) throws Exception {
        Path absolute = path.toAbsolutePath().normalize();
        ImportFile file = ImportFile.read(absolute);
        List<T> entries = parser.parse(file);
        if (dryRun) {
            return printPlan(DryRunPlan.of(entries, parser, store), entries.size(), out);
        }
        Map<String, String> parameters = Map.of(ImportJobParameters.FILE, absolute.toString(),
                ImportJobParameters.SHA256, file.sha256());
        Optional<JobExecution> failed = lastFailed(jobName, parameters);
        if (failed.isPresent()) {
            err.println("resuming execution " + failed.get().getId() + " of the same file content");
            err.flush();
            return reporter.report(out, err, jobRunner.restart(failed.get().getId()));
        }
        return reporter.report(out, err, jobRunner.launch(jobName, parameters));
    }

    private static int printPlan(List<DryRunPlan.Change> changes, int entries, PrintWriter out) {
        changes.forEach(change -> out.println("would set " + change));
        out.println("dry run: " + changes.size() + " key" + (changes.size() == 1 ? "" : "s") + " would change ("
                + entries + " entries valid); nothing written");
        out.flush();
        return ExitCodes.OK;
    }

    /** The newest execution of this job on the same file and content, when it failed or was stopped. */
    private Optional<JobExecution> lastFailed(String jobName, Map<String, String> parameters) {
        return jobRunner.recentExecutions(RESUME_WINDOW).stream()
                .filter(execution -> execution.getJobInstance().getJobName().equals(jobName))
                .filter(execution -> parameters.entrySet().stream().allMatch(parameter ->
                        parameter.getValue().equals(execution.getJobParameters().getString(parameter.getKey()))))
                .findFirst()
                .filter(execution -> execution.getStatus() == BatchStatus.FAILED
                        || execution.getStatus() == BatchStatus.STOPPED);
    }
}
