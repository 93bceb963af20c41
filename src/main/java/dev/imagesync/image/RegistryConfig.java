package dev.imagesync.image;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One registry as configured under {@code config/docker/registry/{name}}. The password is a secret:
 * {@link #toString()} never shows it.
 */
public record RegistryConfig(String name, URI url, RegistryType type, List<String> projects,
                             String username, String password, boolean sslVerify) {

    public RegistryConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(type, "type");
        projects = List.copyOf(projects);
    }

    /** A URL whose host ends with {@code .docker.io} is Docker Hub whatever its configured type. */
    public boolean isDockerHub() {
        return url.getHost() != null && url.getHost().endsWith(".docker.io");
    }

    public boolean hasCredentials() {
        return username != null && !username.isEmpty();
    }

    @Override
    public String toString() {
        return "RegistryConfig[name=" + name + ", url=" + url + ", type=" + type.configValue()
                + ", projects=" + projects + ", username=" + username
                + ", password=" + (password == null ? "<none>" : "<hidden>") + ", sslVerify=" + sslVerify + "]";
    }
}
