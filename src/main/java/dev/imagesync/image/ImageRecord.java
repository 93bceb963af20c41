package dev.imagesync.image;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A kernel image accepted into the catalog: what Backend.AI's manager reads under
 * {@code images/{registry}/{repository}/{tag}}.
 */
public record ImageRecord(TagRef ref, String configDigest, long sizeBytes, SortedMap<String, String> labels) {

    static final String ACCELERATORS_LABEL = "ai.backend.accelerators";
    static final String RESOURCE_MIN_PREFIX = "ai.backend.resource.min.";

    public ImageRecord {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(configDigest, "configDigest");
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    /** The {@code ai.backend.accelerators} label, or empty when it is absent or blank. */
    public String accelerators() {
        return labels.getOrDefault(ACCELERATORS_LABEL, "");
    }

    /** Minimum resource per slot, from the {@code ai.backend.resource.min.{slot}} labels. */
    public SortedMap<String, String> resourceMinimums() {
        SortedMap<String, String> minimums = new TreeMap<>();
        for (Map.Entry<String, String> label : labels.entrySet()) {
            if (label.getKey().startsWith(RESOURCE_MIN_PREFIX)) {
                minimums.put(label.getKey().substring(RESOURCE_MIN_PREFIX.length()), label.getValue());
            }
        }
        return minimums;
    }
}
