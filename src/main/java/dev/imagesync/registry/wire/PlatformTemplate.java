package dev.imagesync.registry.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code platform} of a manifest list / index entry. BuildKit marks attestation manifests with
 * {@code architecture: "unknown"}.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/image-index.md">OCI image index</a>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlatformTemplate(String architecture, String os, String variant) {
}
