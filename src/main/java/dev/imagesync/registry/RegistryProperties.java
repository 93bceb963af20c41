package dev.imagesync.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * How imagesync talks to registries ({@code imagesync.registry.*}). Every field has a default, applied here
 * and nowhere else: an absent (null) value means "the default"; a zero duration does too.
 *
 * @param pageSize        entries asked for per listing page ({@code n} / {@code page_size}); default 100
 * @param connectTimeout  TCP and TLS connect timeout; default 5s
 * @param readTimeout     longest silence while reading a response; default 30s
 * @param callTimeout     longest a single HTTP call (one attempt, redirects included) may take; default 2m
 * @param maxBodyBytes    largest response body read into memory; a bigger one is an error; default 16 MiB
 * @param maxRetries      retries after the first attempt of a temporarily failing request (0: none); default 4,
 *                        a negative value turns retries off
 * @param initialBackoff  wait before the first retry, doubled on each further retry; default 200ms
 * @param maxBackoff      longest wait between retries, {@code Retry-After} included; default 10s
 * @param concurrency     per-registry bound on concurrent manifest fetches (used by the scan job); default 8
 * @param dockerHubApiUrl where Docker Hub's repository listing API lives; default {@code https://hub.docker.com}
 */
@ConfigurationProperties("imagesync.registry")
public record RegistryProperties(Integer pageSize, Duration connectTimeout, Duration readTimeout,
                                 Duration callTimeout, Long maxBodyBytes, Integer maxRetries,
                                 Duration initialBackoff, Duration maxBackoff, Integer concurrency,
                                 URI dockerHubApiUrl) {

    public RegistryProperties {
        pageSize = positive(pageSize, 100, "page-size");
        connectTimeout = orDefault(connectTimeout, Duration.ofSeconds(5));
        readTimeout = orDefault(readTimeout, Duration.ofSeconds(30));
        callTimeout = orDefault(callTimeout, Duration.ofMinutes(2));
        maxBodyBytes = maxBodyBytes == null ? 16L * 1024 * 1024 : maxBodyBytes;
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("imagesync.registry.max-body-bytes must be at least 1, got " + maxBodyBytes);
        }
        maxRetries = maxRetries == null ? 4 : maxRetries;
        if (maxRetries < 0) {
            throw new IllegalArgumentException("imagesync.registry.max-retries must be 0 or more, got " + maxRetries);
        }
        initialBackoff = orDefault(initialBackoff, Duration.ofMillis(200));
        maxBackoff = orDefault(maxBackoff, Duration.ofSeconds(10));
        concurrency = positive(concurrency, 8, "concurrency");
        dockerHubApiUrl = dockerHubApiUrl != null ? dockerHubApiUrl : URI.create("https://hub.docker.com");
    }

    /** Every field at its default. */
    public static RegistryProperties defaults() {
        return new RegistryProperties(null, null, null, null, null, null, null, null, null, null);
    }

    private static int positive(Integer value, int fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value < 1) {
            throw new IllegalArgumentException("imagesync.registry." + name + " must be at least 1, got " + value);
        }
        return value;
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null || value.isZero() ? fallback : value;
    }
}
