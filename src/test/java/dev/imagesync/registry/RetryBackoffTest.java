package dev.imagesync.registry;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBackoffTest {

    private final RetryBackoff backoff = new RetryBackoff(new RegistryProperties(null, null, null, null, null, 4,
            Duration.ofMillis(200), Duration.ofSeconds(10), null, URI.create("http://hub")),
            Clock.fixed(RegistryTestSupport.NOW, ZoneOffset.UTC));

    @ParameterizedTest(name = "retry {0}, Retry-After ''{1}'' -> {2} ms")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "1  | null                          | 200",
            "2  | null                          | 400",
            "3  | null                          | 800",
            "7  | null                          | 10000",
            "60 | null                          | 10000",
            "1  | 2                             | 2000",
            "1  | 3600                          | 10000",
            "1  | Sun, 01 Mar 2026 12:00:05 GMT | 5000",
            "1  | Sun, 01 Mar 2026 11:00:00 GMT | 0",
            "2  | soon                          | 400",
    })
    void delayBefore_growsExponentiallyHonoursRetryAfterAndIsCapped(int retry, String retryAfter, long millis) {
        assertThat(backoff.delayBefore(retry, retryAfter)).isEqualTo(Duration.ofMillis(millis));
    }
}
