package dev.imagesync.catalog;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A Lettuce connection factory for Redis database {@value #IMAGE_DATABASE}, where agents record installed
 * images, built from {@code spring.data.redis.host/port/username/password/timeout/connect-timeout}. Boot's
 * shared connection cannot switch databases, so this is a second factory; it is not a default autowiring
 * candidate, so Boot's own {@code redisConnectionFactory} still comes up and is what plain injection gets.
 */
@Configuration
public class ImageIndexRedisConfiguration {

    public static final String CONNECTION_FACTORY = "imageIndexConnectionFactory";
    /** Backend.AI's {@code REDIS_IMAGE_DB}. */
    public static final int IMAGE_DATABASE = 3;
    /** Listing must not hang on a dead Redis: it prints without installed state instead. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    @Bean(name = CONNECTION_FACTORY, defaultCandidate = false)
    public LettuceConnectionFactory imageIndexConnectionFactory(DataRedisProperties redis) {
        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(redis.getHost(), redis.getPort());
        server.setDatabase(IMAGE_DATABASE);
        server.setUsername(redis.getUsername());
        server.setPassword(RedisPassword.of(redis.getPassword()));
        Duration timeout = redis.getTimeout() == null ? DEFAULT_TIMEOUT : redis.getTimeout();
        Duration connectTimeout = redis.getConnectTimeout() == null ? DEFAULT_TIMEOUT : redis.getConnectTimeout();
        LettuceClientConfiguration client = LettuceClientConfiguration.builder()
                .commandTimeout(timeout)
                .clientOptions(ClientOptions.builder()
                        .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
                        .build())
                .build();
        return new LettuceConnectionFactory(server, client);
    }
}
