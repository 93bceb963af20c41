package dev.imagesync.cli;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import java.util.Arrays;

/**
 * Runs the command line once the application context is up and hands its exit code to Spring. Tests that
 * drive jobs and commands directly turn it off with {@code imagesync.cli.enabled=false}.
 */
@Component
@ConditionalOnBooleanProperty(name = "imagesync.cli.enabled", matchIfMissing = true)
public class CliRunner implements CommandLineRunner, ExitCodeGenerator {

    private final ImagesyncCommandLine commandLine;
    private int exitCode;

    public CliRunner(ImagesyncCommandLine commandLine) {
        this.commandLine = commandLine;
    }

    @Override
    public void run(String... args) {
        exitCode = commandLine.create().execute(commandArguments(args));
    }

    /** Spring reads {@code --name=value} property arguments itself; the commands never see them. */
    static String[] commandArguments(String[] args) {
        return Arrays.stream(args)
                .filter(arg -> !(arg.startsWith("--imagesync.") || arg.startsWith("--spring.")
                        || arg.startsWith("--logging.") || arg.startsWith("--management.")
                        || arg.startsWith("--server.")))
                .toArray(String[]::new);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
