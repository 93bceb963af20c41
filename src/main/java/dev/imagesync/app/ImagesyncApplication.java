package dev.imagesync.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.Arrays;
import java.util.stream.Stream;

/** Entry point: starts Spring, runs one CLI command, exits with its code. */
@SpringBootApplication(scanBasePackages = "dev.imagesync")
@ConfigurationPropertiesScan("dev.imagesync")
public class ImagesyncApplication {

    /** Only {@code serve} starts a web server and the scheduler; every other command stays short-lived. */
    static final String[] SERVE_MODE = {"--spring.main.web-application-type=servlet", "--imagesync.serve.enabled=true"};

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(ImagesyncApplication.class, withMode(args))));
    }

    /**
     * Adds the serve-mode properties when the command is {@code serve}. As command-line properties they take
     * precedence over application.properties, which keeps every other command non-web.
     */
    static String[] withMode(String[] args) {
        boolean serve = Arrays.stream(args).filter(arg -> !arg.startsWith("-")).findFirst()
                .map("serve"::equals).orElse(false);
        return serve ? Stream.concat(Arrays.stream(SERVE_MODE), Arrays.stream(args)).toArray(String[]::new) : args;
    }
}
