package dev.imagesync.registry;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * Turns response bodies into wire templates, turning any parse failure into a
 * {@link MalformedResponseException} that says what was being read. Thread-safe.
 */
final class WireDecoder {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final String registry;

    WireDecoder(String registry) {
        this.registry = registry;
    }

    <T> T decode(RegistryResponse response, Class<T> type, String what) {
        try {
            return requireValue(MAPPER.readValue(response.body(), type), response, what);
        } catch (IOException e) {
            throw new MalformedResponseException(registry, what, response.url().encodedPath(), e);
        }
    }

    <T> T decode(RegistryResponse response, TypeReference<T> type, String what) {
        try {
            return requireValue(MAPPER.readValue(response.body(), type), response, what);
        } catch (IOException e) {
            throw new MalformedResponseException(registry, what, response.url().encodedPath(), e);
        }
    }

    JsonNode tree(RegistryResponse response, String what) {
        try {
            return requireValue(MAPPER.readTree(response.body()), response, what);
        } catch (IOException e) {
            throw new MalformedResponseException(registry, what, response.url().encodedPath(), e);
        }
    }

    <T> T convert(JsonNode node, Class<T> type, RegistryResponse response, String what) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedResponseException(registry, what, response.url().encodedPath(), e);
        }
    }

    private <T> T requireValue(T value, RegistryResponse response, String what) {
        if (value == null || value instanceof JsonNode node && node.isMissingNode()) {
            throw new MalformedResponseException(registry, what, response.url().encodedPath(),
                    new IOException("empty or null document"));
        }
        return value;
    }
}
