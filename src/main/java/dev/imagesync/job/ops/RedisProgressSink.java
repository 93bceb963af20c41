package dev.imagesync.job.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Publishes progress for dashboards: the hash {@code imagesync:progress:{execution-id}} (status, current, total,
 * message, updated-at; expiring a day after its last update) and a JSON message per update on the channel
 * {@code imagesync:progress}. An unreachable Redis is logged once and otherwise ignored: progress is a courtesy,
 * never a reason for a job to fail.
 */
public class RedisProgressSink implements ProgressSink {

    public static final String KEY_PREFIX = "imagesync:progress:";
    public static final String CHANNEL = "imagesync:progress";
    static final Duration EXPIRY = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(RedisProgressSink.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringRedisTemplate redis;
    private volatile boolean warned;

    public RedisProgressSink(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public void publish(Progress progress) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("status", progress.status());
        fields.put("current", Long.toString(progress.current()));
        fields.put("total", Long.toString(progress.total()));
        fields.put("message", progress.message());
        fields.put("updated-at", progress.updatedAt().toString());
        String key = KEY_PREFIX + progress.executionId();
        try {
            redis.opsForHash().putAll(key, fields);
            redis.expire(key, EXPIRY);
            redis.convertAndSend(CHANNEL, json(progress, fields));
        } catch (RuntimeException unreachable) {
            if (!warned) {
                warned = true;
                log.warn("progress not published to Redis: {}", unreachable.getMessage());
            }
        }
    }

    private static String json(Progress progress, Map<String, String> fields) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("execution-id", progress.executionId());
        message.put("job", progress.job());
        message.put("status", progress.status());
        message.put("current", progress.current());
        message.put("total", progress.total());
        message.put("message", progress.message());
        message.put("updated-at", fields.get("updated-at"));
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
