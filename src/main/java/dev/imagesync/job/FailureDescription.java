package dev.imagesync.job;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import java.util.Comparator;
import java.util.Optional;

/**
 * One-line descriptions of failures for operators. Spring Batch wraps the exception that names the problem,
 * and that one may wrap a library's terse cause: the outermost of imagesync's own exceptions is the one worth
 * printing (imagesync's wrappers add context, e.g. the skip limit around the last registry error), else the
 * innermost message there is.
 */
public final class FailureDescription {

    private FailureDescription() {
    }

    public static String of(Throwable failure) {
        String any = null;
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 20; depth++, cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message == null || message.isBlank()) {
                continue;
            }
            if (cause.getClass().getName().startsWith("dev.imagesync.")) {
                return oneLine(message);
            }
            any = message;
        }
        return oneLine(any != null ? any : failure.getClass().getSimpleName());
    }

    /**
     * The first failure of an execution, or null when there is none: a step's own failure before the
     * partition manager's "a partition failed" and before the job's copy of it, steps in the order they ran.
     */
    public static String firstOf(JobExecution execution) {
        Optional<Throwable> stepFailure = execution.getStepExecutions().stream()
                .sorted(Comparator.comparing(StepExecution::getId))
                .flatMap(step -> step.getFailureExceptions().stream())
                .min(Comparator.comparing(FailureDescription::isPartitionSummary));
        return stepFailure.or(() -> execution.getAllFailureExceptions().stream().findFirst())
                .map(FailureDescription::of).orElse(null);
    }

    /** Spring Batch's manager-step failure that only says some partition failed. */
    private static boolean isPartitionSummary(Throwable failure) {
        return String.valueOf(failure.getMessage()).startsWith("Partition handler returned an unsuccessful step");
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s*\\R\\s*", " ");
    }
}
