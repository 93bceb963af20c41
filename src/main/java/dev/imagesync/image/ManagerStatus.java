package dev.imagesync.image;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The manager states Backend.AI 21.09 keeps in {@code manager/status}. */
public enum ManagerStatus {
    TERMINATED("terminated"),
    PREPARING("preparing"),
    RUNNING("running"),
    FROZEN("frozen");

    private final String value;

    ManagerStatus(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static ManagerStatus fromValue(String value) {
        return Arrays.stream(values())
                .filter(status -> status.value.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown manager status '" + value + "' (expected "
                        + Arrays.stream(values()).map(ManagerStatus::value).collect(Collectors.joining(", ")) + ")"));
    }

    @Override
    public String toString() {
        return value;
    }
}
