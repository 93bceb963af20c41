package dev.imagesync.cli;

import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.stereotype.Component;
import picocli.CommandLine;

/** Builds the picocli command line whose commands are created by Spring, with their dependencies injected. */
@Component
public class ImagesyncCommandLine {

    private final AutowireCapableBeanFactory beans;

    public ImagesyncCommandLine(AutowireCapableBeanFactory beans) {
        this.beans = beans;
    }

    public CommandLine create() {
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
}
