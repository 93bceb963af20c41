package dev.imagesync.job.rescan;

/** A registry's entry under {@code config/docker/registry} cannot be used; only that registry fails. */
public class RegistryConfigurationException extends RuntimeException {

    public RegistryConfigurationException(String registry, String problem) {
        super("registry '" + registry + "' is misconfigured: " + problem);
    }
}
