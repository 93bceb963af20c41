package dev.imagesync.registry.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A content descriptor: a manifest's {@code config} and {@code layers[]}, an index's {@code manifests[]}
 * (which also carry a {@code platform}).
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/descriptor.md">OCI descriptor</a>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DescriptorTemplate(String mediaType, String digest, long size, PlatformTemplate platform) {
}
