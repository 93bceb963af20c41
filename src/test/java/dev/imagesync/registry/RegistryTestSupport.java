package dev.imagesync.registry;

import dev.imagesync.image.RegistryConfig;
import dev.imagesync.image.RegistryType;
import okhttp3.Interceptor;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Properties with tiny backoffs and small pages, a fixed clock, and a sleeper that records instead of sleeping. */
final class RegistryTestSupport {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    RegistryProperties properties(URI hubApi) {
        return new RegistryProperties(2, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10),
                64 * 1024L, 3, Duration.ofMillis(1), Duration.ofSeconds(30), 4, hubApi);
    }

    RegistryClientFactory factory(URI hubApi, Interceptor... interceptors) {
        return new RegistryClientFactory(properties(hubApi), List.of(interceptors), sleeps::add,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static RegistryConfig docker(FakeRegistry registry) {
        return config(registry, RegistryType.DOCKER, List.of(), null, null);
    }

    static RegistryConfig config(FakeRegistry registry, RegistryType type, List<String> projects, String username,
                                 String password) {
        return new RegistryConfig("local", registry.uri(), type, projects, username, password, true);
    }
}
