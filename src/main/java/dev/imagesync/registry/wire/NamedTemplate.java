package dev.imagesync.registry.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Any listing entry of which only {@code name} is read: Docker Hub's {@code results[]}, Harbor v1's
 * {@code GET /api/repositories} and Harbor v2's {@code GET /api/v2.0/projects/{project}/repositories}
 * entries (whose names are already {@code project/repo}).
 *
 * @see <a href="https://github.com/goharbor/harbor/blob/main/api/v2.0/swagger.yaml">Harbor v2 API</a>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NamedTemplate(String name) {
}
