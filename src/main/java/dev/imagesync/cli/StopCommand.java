package dev.imagesync.cli;

import dev.imagesync.job.JobRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Ask a running execution, on this machine or any other sharing the job repository, to stop "
                + "at its next chunk boundary. It ends STOPPED and can be resumed with 'imagesync restart ID'.%n"
                + "Example: imagesync stop 42")
class StopCommand implements Callable<Integer> {

    private final JobRunner jobRunner;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EXECUTION_ID", description = "The execution to stop (see 'imagesync executions').")
    long executionId;

    StopCommand(JobRunner jobRunner) {
        this.jobRunner = jobRunner;
    }

    @Override
    public Integer call() throws Exception {
        jobRunner.stop(executionId);
        spec.commandLine().getOut().printf("execution %d: stop requested; it stops at its next chunk boundary%n", executionId);
        return ExitCodes.OK;
    }
}
