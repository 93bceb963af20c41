package dev.imagesync.registry.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The {@code platform} of a manifest list / index entry. BuildKit marks attestation manifests with
 * {@code architecture: "unknown"}.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/image-index.md">OCI image index</a>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlatformTemplate(String architecture, String os, String variant) {
}
