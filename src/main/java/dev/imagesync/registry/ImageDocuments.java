package dev.imagesync.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imagesync.registry.wire.DescriptorTemplate;
import dev.imagesync.registry.wire.ManifestTemplate;
import dev.imagesync.registry.wire.PlatformTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON documents {@link ImagePusher} uploads: config blobs, image manifests, lists/indexes. */
final class ImageDocuments {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ImageDocuments() {
    }

    /** A config blob with the labels placed as {@code spec} says and a rootfs naming the one layer. */
    static byte[] config(ImageSpec spec, String architecture, String layerDigest) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("architecture", architecture);
        config.put("os", "linux");
        Map<String, Object> labels = Map.of("Labels", spec.labels());
        switch (spec.labelPlacement()) {
            case CONFIG -> config.put("config", labels);
            case CONTAINER_CONFIG -> {
                config.put("config", Map.of("Env", List.of("PATH=/usr/bin")));
                config.put("container_config", labels);
            }
            case BOTH -> {
                config.put("config", labels);
                config.put("container_config", labels);
            }
        }
        // Layers are random bytes, not tarballs; the registry never looks inside, so diff_id = digest.
        config.put("rootfs", Map.of("type", "layers", "diff_ids", List.of(layerDigest)));
        return write(config);
    }

    static byte[] imageManifest(ManifestFormat format, DescriptorTemplate config, DescriptorTemplate layer) {
        return write(new ManifestTemplate(2, format.imageManifestMediaType(), config, List.of(layer), null));
    }

    static byte[] index(ManifestFormat format, List<DescriptorTemplate> platformManifests) {
        return write(new ManifestTemplate(2, format.indexMediaType(), null, null, platformManifests));
    }

    static DescriptorTemplate descriptor(String mediaType, String digest, long size, String architecture) {
        PlatformTemplate platform = architecture == null ? null : new PlatformTemplate(architecture, "linux", null);
        return new DescriptorTemplate(mediaType, digest, size, platform);
    }

    private static byte[] write(Object document) {
        try {
            return MAPPER.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an image document", e);
        }
    }
}
