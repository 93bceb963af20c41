package dev.imagesync.registry.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * One page of Docker Hub's {@code GET /v2/repositories/{namespace}/?page_size=N}: {@code results[].name}
 * are repository names without the namespace; {@code next} is the absolute URL of the next page, or null.
 *
 * @see <a href="https://docs.docker.com/reference/api/hub/latest/#tag/repositories">Docker Hub API: repositories</a>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DockerHubRepositoriesTemplate(String next, List<NamedTemplate> results) {

    public DockerHubRepositoriesTemplate {
        results = results == null ? List.of() : results;
    }
}
