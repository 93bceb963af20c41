package dev.imagesync.registry.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of a token realm. Docker's spec names the field {@code token}; OAuth2-style servers send
 * {@code access_token}; some send both with the same value.
 *
 * @see <a href="https://distribution.github.io/distribution/spec/auth/token/">Docker registry token authentication</a>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TokenTemplate(String token, @JsonProperty("access_token") String accessToken) {

    /** The bearer token, or null when the realm sent neither field. */
    public String bearerToken() {
        return token != null && !token.isEmpty() ? token : accessToken;
    }

    /** Never shows the token itself. */
    @Override
    public String toString() {
        return "TokenTemplate[<hidden>]";
    }
}
