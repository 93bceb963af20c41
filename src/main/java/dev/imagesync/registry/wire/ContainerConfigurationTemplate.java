package dev.imagesync.registry.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The config blob of an image ({@code GET /v2/{name}/blobs/{digest}}), reduced to what a scan reads.
 * Docker's legacy builder put labels in both {@code config} and {@code container_config}; BuildKit and
 * other newer tools fill {@code config} only, and may omit {@code container_config} altogether.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/config.md">OCI image configuration</a>
 * @see <a href="https://github.com/moby/moby/blob/master/image/spec/spec.md">Docker image specification</a>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerConfigurationTemplate(String architecture, String os,
                                             @JsonProperty("config") RunConfigTemplate config,
                                             @JsonProperty("container_config") RunConfigTemplate containerConfig) {

    /**
     * The image labels (CONTRACT.md §2): {@code config.Labels} when it is a non-empty map, else
     * {@code container_config.Labels}, else none. Values are turned into text whatever JSON type they had.
     */
    public Map<String, String> labels() {
        Map<String, Object> chosen = config != null && config.labels() != null && !config.labels().isEmpty()
                ? config.labels()
                : containerConfig != null && containerConfig.labels() != null ? containerConfig.labels() : Map.of();
        Map<String, String> labels = new LinkedHashMap<>();
        chosen.forEach((key, value) -> labels.put(key, value == null ? "" : String.valueOf(value)));
        return labels;
    }

    /** The run configuration holding {@code Labels}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RunConfigTemplate(@JsonProperty("Labels") Map<String, Object> labels) {
    }
}
