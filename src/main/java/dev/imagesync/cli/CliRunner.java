package dev.imagesync.cli;

import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import picocli.CommandLine;

import java.util.Arrays;

/**
 * Runs the command line once the application context is up and hands its exit code to Spring. Tests that
 * drive jobs and commands directly turn it off with {@code imagesync.cli.enabled=false}.
 */
@Component
@ConditionalOnBooleanProperty(name = "imagesync.cli.enabled", matchIfMissing = true)
public class CliRunner implements CommandLineRunner, ExitCodeGenerator {

    private final AutowireCapableBeanFactory beans;
    private int exitCode;

    public CliRunner(AutowireCapableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public void run(String... args) {
        exitCode = newCommandLine().execute(commandArguments(args));
    }

    public CommandLine newCommandLine() {
        CommandLine.IFactory springFactory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type.isAnnotationPresent(CommandLine.Command.class)) {
                    return beans.createBean(type);
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        return new CommandLine(new ImagesyncCommand(), springFactory)
                .setExecutionExceptionHandler(new OneLineErrorHandler())
                .setCaseInsensitiveEnumValuesAllowed(true);
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
