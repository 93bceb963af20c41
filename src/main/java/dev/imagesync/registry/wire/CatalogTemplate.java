package dev.imagesync.registry.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * One page of {@code GET /v2/_catalog}.
 *
 * @see <a href="https://distribution.github.io/distribution/spec/api/#catalog">Distribution API: catalog</a>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogTemplate(List<String> repositories) {

    public CatalogTemplate {
        repositories = repositories == null ? List.of() : repositories;
    }
}
