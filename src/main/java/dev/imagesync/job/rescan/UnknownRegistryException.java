package dev.imagesync.job.rescan;

import java.util.List;

/** The registry named at launch is not configured under {@code config/docker/registry}. */
public class UnknownRegistryException extends RuntimeException {

    public UnknownRegistryException(String name, List<String> known) {
        super("unknown registry '" + name + "': not configured under config/docker/registry"
                + (known.isEmpty() ? " (no registries are configured)" : " (configured: " + String.join(", ", known) + ")"));
    }
}
