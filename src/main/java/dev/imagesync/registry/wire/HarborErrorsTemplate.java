package dev.imagesync.registry.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * Harbor v2's error body, {@code {"errors":[{"code":"NOT_FOUND","message":"..."}]}}.
 *
 * @see <a href="https://github.com/goharbor/harbor/blob/main/api/v2.0/swagger.yaml">Harbor v2 API: Errors</a>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HarborErrorsTemplate(List<ErrorTemplate> errors) {

    public HarborErrorsTemplate {
        errors = errors == null ? List.of() : errors;
    }

    /** One error. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ErrorTemplate(String code, String message) {
        @Override
        public String toString() {
            return code + ": " + message;
        }
    }
}
