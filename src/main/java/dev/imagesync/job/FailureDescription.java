package dev.imagesync.job;

import org.springframework.batch.core.job.JobExecution;

/**
 * One-line descriptions of failures for operators. Spring Batch wraps the exception that names the problem,
 * and that one may wrap a library's terse cause: the innermost of imagesync's own exceptions is the one worth
 * printing, else the innermost message there is.
 */
public final class FailureDescription {

    private FailureDescription() {
    }

    public static String of(Throwable failure) {
        String own = null;
        String any = null;
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 20; depth++, cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                any = cause.getMessage();
                if (cause.getClass().getName().startsWith("dev.imagesync.")) {
                    own = cause.getMessage();
                }
            }
        }
        String message = own != null ? own : any != null ? any : failure.getClass().getSimpleName();
        return message.replaceAll("\\s*\\R\\s*", " ");
    }

    /** The first failure recorded for an execution or any of its steps, or null when there is none. */
    public static String firstOf(JobExecution execution) {
        return execution.getAllFailureExceptions().stream().findFirst().map(FailureDescription::of).orElse(null);
    }
}
