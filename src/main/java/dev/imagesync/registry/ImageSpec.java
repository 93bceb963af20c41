package dev.imagesync.registry;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link ImagePusher#pushImage} builds: a tiny image (one small random layer) per architecture, with
 * the given labels placed where older or newer build tools put them, as a single manifest or as a
 * manifest list / OCI index.
 *
 * @param labels         image labels (e.g. {@code ai.backend.kernelspec=1})
 * @param labelPlacement which run configuration(s) of the config blob carry the labels
 * @param architectures  one platform per entry (Docker naming); more than one needs {@code index}
 * @param format         Docker schema 2 or OCI media types, for the manifests and the list/index alike
 * @param index          true to push a manifest list / OCI index naming one manifest per architecture
 */
public record ImageSpec(Map<String, String> labels, LabelPlacement labelPlacement, List<String> architectures,
                        ManifestFormat format, boolean index) {

    /** Where the labels go in the config blob. */
    public enum LabelPlacement {
        /** {@code config.Labels} only, as BuildKit writes it ({@code container_config} absent). */
        CONFIG,
        /** {@code container_config.Labels} only, {@code config.Labels} absent. */
        CONTAINER_CONFIG,
        /** Both, as Docker's legacy builder wrote them. */
        BOTH
    }

    public ImageSpec {
        labels = Map.copyOf(labels);
        Objects.requireNonNull(labelPlacement, "labelPlacement");
        architectures = List.copyOf(architectures);
        Objects.requireNonNull(format, "format");
        if (architectures.isEmpty()) {
            throw new IllegalArgumentException("an image needs at least one architecture");
        }
        if (architectures.size() > 1 && !index) {
            throw new IllegalArgumentException("several architectures need a manifest list / index");
        }
    }

    /** A single-platform Docker schema 2 image with labels in {@code config.Labels}. */
    public static ImageSpec single(String architecture, Map<String, String> labels) {
        return new ImageSpec(labels, LabelPlacement.CONFIG, List.of(architecture), ManifestFormat.DOCKER_SCHEMA2,
                false);
    }

    /** A Docker manifest list of the given platforms, labels in {@code config.Labels}. */
    public static ImageSpec index(Map<String, String> labels, String... architectures) {
        return new ImageSpec(labels, LabelPlacement.CONFIG, List.of(architectures), ManifestFormat.DOCKER_SCHEMA2,
                true);
    }

    public ImageSpec withFormat(ManifestFormat newFormat) {
        return new ImageSpec(labels, labelPlacement, architectures, newFormat, index);
    }

    public ImageSpec withLabelPlacement(LabelPlacement placement) {
        return new ImageSpec(labels, placement, architectures, format, index);
    }
}
