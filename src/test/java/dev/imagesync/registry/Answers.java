package dev.imagesync.registry;

import mockwebserver3.MockResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Canned responses and fixture files ({@code src/test/resources/fixtures/<flavour>/…}). */
final class Answers {

    private Answers() {
    }

    static String fixture(String path) {
        try (InputStream in = Answers.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MockResponse json(String body) {
        return json(200, body);
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse fixtureJson(String path) {
        return json(fixture(path));
    }

    /** A page with a {@code Link: <next>; rel="next"} header. */
    static MockResponse linked(String body, String next) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .setHeader("Link", "<" + next + ">; rel=\"next\"").body(body).build();
    }

    static MockResponse typed(String contentType, String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", contentType).body(body).build();
    }

    static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).body("").build();
    }

    static MockResponse challenge(String realm, String service) {
        return new MockResponse.Builder().code(401)
                .setHeader("WWW-Authenticate", "Bearer realm=\"" + realm + "\",service=\"" + service + "\"")
                .setHeader("Content-Type", "application/json")
                .body("{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}").build();
    }
}
