package dev.imagesync.cli;

import dev.imagesync.job.JobRunner;
import dev.imagesync.job.ops.ExecutionRecovery;
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
                + "registries are not scanned again. An execution left STARTED by a process that died (its owner "
                + "lease in etcd is gone) is recovered first; one whose process is alive is never touched.%n"
                + "Example: imagesync restart --last-failed")
class RestartCommand implements Callable<Integer> {

    private final JobRunner jobRunner;
    private final ExecutionRecovery recovery;
    private final ExecutionReporter reporter;
    private final ForegroundJobConsole console;

    @Spec
    CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Target target;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar or progress lines.")
    boolean quiet;

    static final class Target {
        @Parameters(paramLabel = "EXECUTION_ID", description = "The execution to resume (see 'imagesync executions').")
        Long executionId;

        @Option(names = "--last-failed", description = "Resume the newest FAILED or STOPPED execution, or one "
                + "left running by a process that died.")
        boolean lastFailed;
    }

    RestartCommand(JobRunner jobRunner, ExecutionRecovery recovery, ExecutionReporter reporter,
                   ForegroundJobConsole console) {
        this.jobRunner = jobRunner;
        this.recovery = recovery;
        this.reporter = reporter;
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        long id;
        if (target.lastFailed) {
            JobExecution last = recovery.lastRestartable()
                    .orElseThrow(() -> new IllegalStateException("no FAILED, STOPPED or orphaned execution to restart"));
            id = last.getId();
            spec.commandLine().getErr().println("restarting execution " + id);
        } else {
            id = target.executionId;
        }
        recovery.recoverIfOrphaned(id);
        console.attach(!quiet);
        return reporter.report(spec.commandLine().getOut(), spec.commandLine().getErr(), jobRunner.restart(id));
    }
}
