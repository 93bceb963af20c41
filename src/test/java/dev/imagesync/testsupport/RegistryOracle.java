package dev.imagesync.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Reads what a registry holds with the JDK's own HTTP client, independently of imagesync's registry layer,
 * so that tests can state the expected config digest and size of a tag without trusting the code under test.
 */
public final class RegistryOracle {

    private static final String ACCEPT = String.join(",",
            "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.oci.image.index.v1+json");

    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    public RegistryOracle(URI base) {
        this.base = base;
    }

    /** Config digest and layer+config size of a tag, resolving a list/index to {@code architecture}. */
    public Image image(String repository, String tag, String architecture) {
        JsonNode manifest = manifest(repository, tag);
        if (manifest.has("manifests")) {
            for (JsonNode entry : manifest.get("manifests")) {
                if (architecture.equals(entry.path("platform").path("architecture").asText())) {
                    manifest = manifest(repository, entry.get("digest").asText());
                    break;
                }
            }
        }
        long size = manifest.get("config").get("size").asLong();
        for (JsonNode layer : manifest.get("layers")) {
            size += layer.get("size").asLong();
        }
        return new Image(manifest.get("config").get("digest").asText(), size);
    }

    /** Deletes a tag's manifest (the registry must allow deletes), leaving the repository without that tag. */
    public void deleteTag(String repository, String tag) {
        HttpResponse<String> head = send(HttpRequest.newBuilder(manifestUri(repository, tag))
                .header("Accept", ACCEPT).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        String digest = head.headers().firstValue("Docker-Content-Digest").orElseThrow();
        HttpResponse<String> deleted = send(HttpRequest.newBuilder(manifestUri(repository, digest)).DELETE().build());
        if (deleted.statusCode() != 202) {
            throw new IllegalStateException("DELETE " + repository + "@" + digest + " gave " + deleted.statusCode());
        }
    }

    private JsonNode manifest(String repository, String reference) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(manifestUri(repository, reference))
                .header("Accept", ACCEPT).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET manifest " + repository + ":" + reference + " gave " + response.statusCode());
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private URI manifestUri(String repository, String reference) {
        return base.resolve("/v2/" + repository + "/manifests/" + reference);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Image(String configDigest, long sizeBytes) {
    }
}
