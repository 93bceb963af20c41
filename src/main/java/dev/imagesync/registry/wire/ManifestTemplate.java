package dev.imagesync.registry.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Any manifest {@code GET /v2/{name}/manifests/{reference}} returns: an image manifest (Docker schema 2 or
 * OCI: {@code config} and {@code layers}) or a manifest list / OCI index ({@code manifests}). One type for
 * both because which one it is may only be known after parsing (content type, then {@code mediaType}, then
 * which fields are present).
 *
 * @see <a href="https://distribution.github.io/distribution/spec/manifest-v2-2/">Docker image manifest v2 schema 2</a>
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/manifest.md">OCI image manifest</a>
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/image-index.md">OCI image index</a>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ManifestTemplate(int schemaVersion, String mediaType, DescriptorTemplate config,
                               List<DescriptorTemplate> layers, List<DescriptorTemplate> manifests) {

    /** Bytes the image occupies as the manifest declares them: every layer plus the config blob. */
    public long declaredSize() {
        long size = config == null ? 0 : config.size();
        for (DescriptorTemplate layer : layers == null ? List.<DescriptorTemplate>of() : layers) {
            size += layer.size();
        }
        return size;
    }
}
