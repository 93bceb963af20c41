package dev.imagesync.app;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How running jobs report progress ({@code imagesync.progress.*}).
 *
 * @param interval how often progress is sampled: the terminal line and the Redis hash/message. Default 2 seconds.
 * @param redis    publish progress to Redis ({@code imagesync:progress:{id}} and channel {@code imagesync:progress}).
 *                 Default true; an unreachable Redis is logged once and never fails a job.
 */
@ConfigurationProperties("imagesync.progress")
public record ProgressProperties(Duration interval, Boolean redis) {

    public ProgressProperties {
        interval = interval == null ? Duration.ofSeconds(2) : interval;
        redis = redis == null || redis;
        if (interval.toMillis() < 100) {
            throw new IllegalArgumentException("imagesync.progress.interval must be at least 100ms, was " + interval);
        }
    }
}
