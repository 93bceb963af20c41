package dev.imagesync.cli;

import dev.imagesync.job.JobRunner;
import org.springframework.batch.core.job.JobExecution;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "restart", mixinStandardHelpOptions = true,
        description = "Resume a FAILED or STOPPED execution from its last checkpoint: finished chunks and finished "
                + "registries are not scanned again.%n"
                + "Example: imagesync restart --last-failed")
class RestartCommand implements Callable<Integer> {

    private final JobRunner jobRunner;
    private final ExecutionReporter reporter;

    @Spec
    CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {
        @Parameters(paramLabel = "EXECUTION_ID", description = "The execution to resume (see 'imagesync executions').")
        Long executionId;

        @Option(names = "--last-failed", description = "Resume the newest FAILED or STOPPED execution.")
        boolean lastFailed;
    }

    RestartCommand(JobRunner jobRunner, ExecutionReporter reporter) {
        this.jobRunner = jobRunner;
        this.reporter = reporter;
    }

    @Override
    public Integer call() throws Exception {
        long id;
        if (target.lastFailed) {
            JobExecution last = jobRunner.lastRestartable()
                    .orElseThrow(() -> new IllegalStateException("no FAILED or STOPPED execution to restart"));
            id = last.getId();
            spec.commandLine().getErr().println("restarting execution " + id);
        } else {
            id = target.executionId;
        }
        return reporter.report(spec.commandLine().getOut(), spec.commandLine().getErr(), jobRunner.restart(id));
    }
}
