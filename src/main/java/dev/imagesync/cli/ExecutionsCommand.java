package dev.imagesync.cli;

import dev.imagesync.job.JobRunner;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.step.StepExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "executions", mixinStandardHelpOptions = true,
        description = "List recent job executions, newest first: id, job, status, start, end, read/write/skip "
                + "counts (skip counts filtered tags too) and parameters.%n"
                + "Example: imagesync executions --limit 5")
class ExecutionsCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String ROW = "%-6s %-15s %-10s %-19s %-19s %8s %8s %8s  %s%n";

    private final JobRunner jobRunner;

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", defaultValue = "20", description = "How many executions (default: ${DEFAULT-VALUE}).")
    int limit;

    ExecutionsCommand(JobRunner jobRunner) {
        this.jobRunner = jobRunner;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(ROW, "ID", "JOB", "STATUS", "START", "END", "READ", "WRITE", "SKIP", "PARAMETERS");
        for (JobExecution execution : jobRunner.recentExecutions(limit)) {
            long read = 0;
            long write = 0;
            long skip = 0;
            for (StepExecution step : execution.getStepExecutions()) {
                read += step.getReadCount();
                write += step.getWriteCount();
                skip += step.getSkipCount() + step.getFilterCount();
            }
            out.printf(ROW, execution.getId(), execution.getJobInstance().getJobName(), execution.getStatus(),
                    time(execution.getStartTime()), time(execution.getEndTime()), read, write, skip,
                    parameters(execution));
        }
        return ExitCodes.OK;
    }

    private static String time(LocalDateTime time) {
        return time == null ? "-" : TIME.format(time);
    }

    private static String parameters(JobExecution execution) {
        return execution.getJobParameters().parameters().stream()
                .map(ExecutionsCommand::parameter)
                .sorted()
                .collect(Collectors.joining(" "));
    }

    private static String parameter(JobParameter<?> parameter) {
        return parameter.name() + "=" + parameter.value();
    }
}
