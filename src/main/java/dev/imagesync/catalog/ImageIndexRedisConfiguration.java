package dev.imagesync.catalog;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisSentinelConfiguration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A Lettuce connection factory for Redis database {@value #IMAGE_DATABASE}, where agents record installed
 * images, reaching the Redis that Boot's {@code spring.data.redis.*} describes — {@code url} or host and port,
 * or a sentinel master; username, password, SSL (a {@code rediss://} URL or {@code ssl.enabled}, with its bundle)
 * and timeouts. Boot's shared connection cannot switch databases, so this is a second factory; it is not a
 * default autowiring candidate, so Boot's own {@code redisConnectionFactory} still comes up and is what plain
 * injection gets. A Redis Cluster has database 0 only, so cluster settings do not apply here.
 */
@Configuration
public class ImageIndexRedisConfiguration {

    public static final String CONNECTION_FACTORY = "imageIndexConnectionFactory";
    /** Backend.AI's {@code REDIS_IMAGE_DB}. */
    public static final int IMAGE_DATABASE = 3;
    /** Listing must not hang on a dead Redis: it prints without installed state instead. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    @Bean(name = CONNECTION_FACTORY, defaultCandidate = false)
    public LettuceConnectionFactory imageIndexConnectionFactory(DataRedisConnectionDetails connection,
                                                                DataRedisProperties redis) {
        return new LettuceConnectionFactory(servers(connection), client(connection, redis));
    }

    private static RedisConfiguration servers(DataRedisConnectionDetails connection) {
        DataRedisConnectionDetails.Sentinel sentinel = connection.getSentinel();
        if (sentinel != null) {
            RedisSentinelConfiguration servers = new RedisSentinelConfiguration();
            servers.master(sentinel.getMaster());
            sentinel.getNodes().forEach(node -> servers.sentinel(node.host(), node.port()));
            servers.setSentinelUsername(sentinel.getUsername());
            servers.setSentinelPassword(RedisPassword.of(sentinel.getPassword()));
            return imageDatabaseOn(servers, connection);
        }
        DataRedisConnectionDetails.Standalone standalone = connection.getStandalone();
        return imageDatabaseOn(new RedisStandaloneConfiguration(standalone.getHost(), standalone.getPort()),
                connection);
    }

    /** The data node's credentials and the image database: the same for a standalone server and a sentinel master. */
    private static <C extends RedisConfiguration.WithPassword & RedisConfiguration.WithDatabaseIndex>
            C imageDatabaseOn(C servers, DataRedisConnectionDetails connection) {
        servers.setUsername(connection.getUsername());
        servers.setPassword(RedisPassword.of(connection.getPassword()));
        servers.setDatabase(IMAGE_DATABASE);
        return servers;
    }

    private static LettuceClientConfiguration client(DataRedisConnectionDetails connection,
                                                     DataRedisProperties redis) {
        Duration timeout = redis.getTimeout() == null ? DEFAULT_TIMEOUT : redis.getTimeout();
        Duration connectTimeout = redis.getConnectTimeout() == null ? DEFAULT_TIMEOUT : redis.getConnectTimeout();
        ClientOptions.Builder options = ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build());
        LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
                .commandTimeout(timeout);
        boolean ssl = redis.getSsl().isEnabled() || (redis.getUrl() != null && redis.getUrl().startsWith("rediss:"));
        if (ssl) {
            client.useSsl();
            SslBundle bundle = connection.getSslBundle();
            if (bundle != null) {
                options.sslOptions(SslOptions.builder()
                        .keyManager(bundle.getManagers().getKeyManagerFactory())
                        .trustManager(bundle.getManagers().getTrustManagerFactory())
                        .build());
            }
        }
        return client.clientOptions(options.build()).build();
    }

    /** Where the factory connects, for messages: {@code host:port db 3} or the sentinel master. */
    static String describe(LettuceConnectionFactory factory) {
        RedisSentinelConfiguration sentinel = factory.getSentinelConfiguration();
        String where = sentinel != null && sentinel.getMaster() != null
                ? "sentinel master " + sentinel.getMaster().getName()
                : factory.getHostName() + ":" + factory.getPort();
        return where + " db " + factory.getDatabase();
    }
}
