package dev.imagesync.cli;

import dev.imagesync.job.FailureDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * A failed command prints one line naming the command and the problem, and exits 1. The stack trace goes to
 * the debug log only: operators read the line, developers turn on {@code logging.level.dev.imagesync=DEBUG}.
 */
class OneLineErrorHandler implements CommandLine.IExecutionExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(OneLineErrorHandler.class);

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, CommandLine.ParseResult parsed) {
        log.debug("{} failed", command.getCommandName(), failure);
        command.getErr().println("imagesync " + command.getCommandName() + ": error: " + FailureDescription.of(failure));
        return ExitCodes.FAILURE;
    }

}
