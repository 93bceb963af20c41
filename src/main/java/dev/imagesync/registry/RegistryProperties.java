package dev.imagesync.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * How imagesync talks to registries ({@code imagesync.registry.*}). Every field has a default, applied here
 * and nowhere else, so an absent (null or 0) value means "the default".
 *
 * @param pageSize        entries asked for per listing page ({@code n} / {@code page_size}); default 100
 * @param connectTimeout  TCP and TLS connect timeout; default 5s
 * @param readTimeout     longest silence while reading a response; default 30s
 * @param callTimeout     longest a single HTTP call (one attempt, redirects included) may take; default 2m
 * @param maxBodyBytes    largest response body read into memory; a bigger one is an error; default 16 MiB
 * @param maxRetries      retries after the first attempt of a temporarily failing request; default 4,
 *                        a negative value turns retries off
 * @param initialBackoff  wait before the first retry, doubled on each further retry; default 200ms
 * @param maxBackoff      longest wait between retries, {@code Retry-After} included; default 10s
 * @param concurrency     per-registry bound on concurrent manifest fetches (used by the scan job); default 8
 * @param dockerHubApiUrl where Docker Hub's repository listing API lives; default {@code https://hub.docker.com}
 */
@ConfigurationProperties("imagesync.registry")
public record RegistryProperties(int pageSize, Duration connectTimeout, Duration readTimeout,
                                 Duration callTimeout, long maxBodyBytes, int maxRetries,
                                 Duration initialBackoff, Duration maxBackoff, int concurrency,
                                 URI dockerHubApiUrl) {

    public RegistryProperties {
        pageSize = pageSize > 0 ? pageSize : 100;
        connectTimeout = orDefault(connectTimeout, Duration.ofSeconds(5));
        readTimeout = orDefault(readTimeout, Duration.ofSeconds(30));
        callTimeout = orDefault(callTimeout, Duration.ofMinutes(2));
        maxBodyBytes = maxBodyBytes > 0 ? maxBodyBytes : 16L * 1024 * 1024;
        // 0 means "default" here as for every other field, so "no retries" is spelled negative.
        maxRetries = maxRetries == 0 ? 4 : Math.max(maxRetries, 0);
        initialBackoff = orDefault(initialBackoff, Duration.ofMillis(200));
        maxBackoff = orDefault(maxBackoff, Duration.ofSeconds(10));
        concurrency = concurrency > 0 ? concurrency : 8;
        dockerHubApiUrl = dockerHubApiUrl != null ? dockerHubApiUrl : URI.create("https://hub.docker.com");
    }

    /** Every field at its default. */
    public static RegistryProperties defaults() {
        return new RegistryProperties(0, null, null, null, 0, 0, null, null, 0, null);
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null || value.isZero() ? fallback : value;
    }
}
