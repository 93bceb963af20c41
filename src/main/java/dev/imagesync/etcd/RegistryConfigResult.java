package dev.imagesync.etcd;

import dev.imagesync.image.RegistryConfig;

/**
 * One registry as read from {@code config/docker/registry/{q(name)}}: exactly one of {@code config} and
 * {@code error} is set. An error concerns this registry alone; it is one line and never holds the password.
 *
 * @param name   the registry name, unquoted
 * @param config the parsed configuration, or null when it is invalid
 * @param error  why the configuration is invalid, or null
 */
public record RegistryConfigResult(String name, RegistryConfig config, String error) {

    public static RegistryConfigResult valid(RegistryConfig config) {
        return new RegistryConfigResult(config.name(), config, null);
    }

    public static RegistryConfigResult invalid(String name, String error) {
        return new RegistryConfigResult(name, null, error);
    }

    public boolean isValid() {
        return config != null;
    }
}
