package dev.imagesync.registry;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryPropertiesTest {

    @Test
    void defaults_areAppliedForAbsentValues() {
        assertThat(RegistryProperties.defaults()).isEqualTo(new RegistryProperties(100, Duration.ofSeconds(5),
                Duration.ofSeconds(30), Duration.ofMinutes(2), 16L * 1024 * 1024, 4, Duration.ofMillis(200),
                Duration.ofSeconds(10), 8, URI.create("https://hub.docker.com")));
    }

    @Test
    void givenValues_areKept() {
        RegistryProperties properties = new RegistryProperties(7, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(3), 99L, 1, Duration.ofMillis(5), Duration.ofMillis(6), 2, URI.create("http://hub"));

        assertThat(properties.pageSize()).isEqualTo(7);
        assertThat(properties.maxBodyBytes()).isEqualTo(99);
        assertThat(properties.maxRetries()).isEqualTo(1);
        assertThat(properties.dockerHubApiUrl()).isEqualTo(URI.create("http://hub"));
    }

    @Test
    void zeroRetries_meansNoRetries_andNonPositiveSizesAreRejected() {
        assertThat(new RegistryProperties(null, null, null, null, null, 0, null, null, null, null).maxRetries())
                .isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new RegistryProperties(null, null, null, null, null, null, null, null, 0, null))
                .hasMessage("imagesync.registry.concurrency must be at least 1, got 0");
    }
}
