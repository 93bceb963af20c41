package dev.imagesync.image;

import java.util.Locale;

/** The flavour of a registry's repository listing, from {@code config/docker/registry/{name}/type}. */
public enum RegistryType {
    /** Docker Registry v2 catalog (and Docker Hub, chosen by host rather than by type). */
    DOCKER("docker"),
    HARBOR("harbor"),
    HARBOR2("harbor2");

    private final String configValue;

    RegistryType(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    /** Parses the etcd value; absent means {@code docker}. */
    public static RegistryType fromConfig(String value) {
        if (value == null || value.isEmpty()) {
            return DOCKER;
        }
        for (RegistryType type : values()) {
            if (type.configValue.equals(value.strip().toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown registry type '" + value + "' (expected docker, harbor or harbor2)");
    }
}
