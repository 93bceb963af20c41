package dev.imagesync.registry.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * One entry of Harbor v2's {@code GET /api/v2.0/projects/{project}/repositories/{repository}/artifacts
 * ?with_tag=true}: the artifact's manifest digest (of the index, for multi-platform images) and the tags
 * pointing to it. Untagged artifacts have {@code tags} null or empty.
 *
 * @see <a href="https://github.com/goharbor/harbor/blob/main/api/v2.0/swagger.yaml">Harbor v2 API: listArtifacts</a>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HarborArtifactTemplate(String digest, List<NamedTemplate> tags) {

    public List<NamedTemplate> tags() {
        return tags == null ? List.of() : tags;
    }
}
