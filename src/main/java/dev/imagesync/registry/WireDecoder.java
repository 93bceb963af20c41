package dev.imagesync.registry;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

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
            throw new MalformedResponseException(registry, what, response.url().encodedPath(), describe(e));
        }
    }

    <T> T decode(RegistryResponse response, TypeReference<T> type, String what) {
        try {
            return requireValue(MAPPER.readValue(response.body(), type), response, what);
        } catch (IOException e) {
            throw new MalformedResponseException(registry, what, response.url().encodedPath(), describe(e));
        }
    }

    JsonNode tree(RegistryResponse response, String what) {
        try {
            return requireValue(MAPPER.readTree(response.body()), response, what);
        } catch (IOException e) {
            throw new MalformedResponseException(registry, what, response.url().encodedPath(), describe(e));
        }
    }

    <T> T convert(JsonNode node, Class<T> type, RegistryResponse response, String what) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedResponseException(registry, what, response.url().encodedPath(), describe(e));
        }
    }

    /** What went wrong, by position only: never the parser's message, which may quote the body. */
    private static String describe(Exception e) {
        String kind = e instanceof JsonEOFException ? "truncated JSON"
                : e instanceof MismatchedInputException ? "unexpected JSON structure"
                : e instanceof JsonParseException ? "invalid JSON" : "unreadable JSON";
        JsonLocation location = e instanceof JsonProcessingException json ? json.getLocation() : null;
        return location == null ? kind
                : kind + " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private <T> T requireValue(T value, RegistryResponse response, String what) {
        if (value == null || value instanceof JsonNode node && node.isMissingNode()) {
            throw new MalformedResponseException(registry, what, response.url().encodedPath(),
                    "empty or null document");
        }
        return value;
    }
}
