package dev.imagesync.registry.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * One page of {@code GET /v2/{name}/tags/list}; registries send {@code "tags": null} for a repository whose
 * tags were all deleted, which reads here as an empty list.
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#listing-tags">OCI distribution spec: listing tags</a>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TagListTemplate(String name, List<String> tags) {

    public TagListTemplate {
        tags = tags == null ? List.of() : tags;
    }
}
