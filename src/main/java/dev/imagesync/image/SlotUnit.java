package dev.imagesync.image;

import java.util.Arrays;

/** The unit of a resource slot ({@code config/resource_slots/{slot}}): a count or bytes. */
public enum SlotUnit {
    COUNT("count"),
    BYTES("bytes");

    private final String configValue;

    SlotUnit(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    /** Parses the etcd value exactly ({@code count} or {@code bytes}). */
    public static SlotUnit fromConfig(String value) {
        return Arrays.stream(values())
                .filter(unit -> unit.configValue.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown slot unit '" + value + "' (expected count or bytes)"));
    }

    @Override
    public String toString() {
        return configValue;
    }
}
