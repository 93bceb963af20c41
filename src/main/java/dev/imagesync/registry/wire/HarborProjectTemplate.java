package dev.imagesync.registry.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of Harbor v1's {@code GET /api/projects}.
 *
 * @see <a href="https://github.com/goharbor/harbor/blob/release-1.10.0/docs/swagger.yaml">Harbor 1.10 API</a>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HarborProjectTemplate(@JsonProperty("project_id") long projectId, String name) {
}
