package dev.imagesync.image;

import java.util.Map;
import java.util.Objects;

/**
 * What a registry tells about one tag once its manifest and config blob are read.
 *
 * @param configDigest the config blob digest ({@code sha256:...}); Backend.AI stores it as the tag's value
 * @param sizeBytes    sum of the layer sizes plus the config size, as the manifest declares them
 * @param labels       the image labels ({@code config.Labels}, else {@code container_config.Labels})
 * @param architecture the config's {@code architecture}, or null when it has none
 * @param fromIndex    true when the manifest was picked from a manifest list / OCI index by platform
 */
public record ImageMetadata(String configDigest, long sizeBytes, Map<String, String> labels,
                            String architecture, boolean fromIndex) {

    public ImageMetadata {
        Objects.requireNonNull(configDigest, "configDigest");
        labels = Map.copyOf(labels);
    }
}
