package dev.imagesync.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Which failures are temporary and how long to wait before trying again (after go-containerregistry's
 * {@code transport/retry.go}): exponential from {@code initialBackoff}, doubling, never above
 * {@code maxBackoff}. A {@code Retry-After} answer replaces the computed wait but is capped by
 * {@code maxBackoff} too, so a registry asking for an hour cannot stall a nightly scan.
 */
final class RetryBackoff {

    /** Request timeout, rate limited, and the 5xx answers proxies and overloaded registries give. */
    private static final Set<Integer> TEMPORARY_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Clock clock;

    RetryBackoff(RegistryProperties properties, Clock clock) {
        this.maxRetries = properties.maxRetries();
        this.initialBackoff = properties.initialBackoff();
        this.maxBackoff = properties.maxBackoff();
        this.clock = clock;
    }

    static boolean isTemporary(int status) {
        return TEMPORARY_STATUSES.contains(status);
    }

    int maxRetries() {
        return maxRetries;
    }

    /** The wait before retry number {@code retry} (1-based), honouring a {@code Retry-After} header if any. */
    Duration delayBefore(int retry, String retryAfter) {
        Duration requested = parseRetryAfter(retryAfter);
        if (requested != null) {
            return min(requested, maxBackoff);
        }
        long factor = 1L << Math.min(retry - 1, 30);
        Duration exponential = initialBackoff.multipliedBy(factor);
        return min(exponential.isNegative() ? maxBackoff : exponential, maxBackoff);
    }

    /** {@code Retry-After} is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3); anything else is ignored. */
    private Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(text)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(clock.instant(), at.toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
