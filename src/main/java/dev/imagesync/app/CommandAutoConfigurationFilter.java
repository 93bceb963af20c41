package dev.imagesync.app;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

import java.util.List;

/**
 * Keeps the short-lived commands fast: unless {@code imagesync.serve.enabled} (the {@code serve} command), the
 * actuator, metrics, health and Jackson 3 (web) auto-configurations are skipped. They are on the classpath for
 * serve mode only, and loading them costs every command more than a second. Registered in
 * {@code META-INF/spring.factories}.
 */
public class CommandAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    private static final List<String> SERVE_ONLY = List.of(
            "org.springframework.boot.actuate.",
            "org.springframework.boot.micrometer.",
            "org.springframework.boot.health.",
            "org.springframework.boot.jackson.");

    private boolean serve;

    @Override
    public void setEnvironment(Environment environment) {
        serve = environment.getProperty("imagesync.serve.enabled", Boolean.class, false);
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            String candidate = autoConfigurationClasses[i];
            matches[i] = serve || candidate == null || SERVE_ONLY.stream().noneMatch(candidate::startsWith);
        }
        return matches;
    }
}
