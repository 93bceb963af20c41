package dev.imagesync.catalog;

import dev.imagesync.testsupport.LocalServices;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisNode;
import org.springframework.data.redis.connection.RedisSentinelConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The image index (Redis DB 3) follows Boot's Redis settings: URL, sentinel, SSL. */
class ImageIndexRedisConfigurationTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
            .withUserConfiguration(ImageIndexRedisConfiguration.class);

    @Test
    void url_winsOverHostAndPort_andTheFactoryWritesDatabase3OfThatServer() {
        String key = "imagesync-test:" + UUID.randomUUID();
        contexts.withPropertyValues("spring.data.redis.host=192.0.2.1", "spring.data.redis.port=1",
                "spring.data.redis.url=redis://127.0.0.1:" + LocalServices.redis().port()).run(context -> {
            LettuceConnectionFactory factory = context.getBean(ImageIndexRedisConfiguration.CONNECTION_FACTORY,
                    LettuceConnectionFactory.class);

            new StringRedisTemplate(factory).opsForSet().add(key, "i-agent1");

            assertThat(ImageIndexRedisConfiguration.describe(factory))
                    .isEqualTo("127.0.0.1:" + LocalServices.redis().port() + " db 3");
            RedisClient raw = RedisClient.create("redis://127.0.0.1:" + LocalServices.redis().port() + "/3");
            try (StatefulRedisConnection<String, String> db3 = raw.connect()) {
                assertThat(db3.sync().smembers(key)).containsExactly("i-agent1");
                db3.sync().del(key);
            } finally {
                raw.shutdown();
            }
        });
    }

    @Test
    void sentinel_reachesTheMastersDatabase3() {
        contexts.withPropertyValues("spring.data.redis.sentinel.master=backend",
                "spring.data.redis.sentinel.nodes=10.0.0.1:26379,10.0.0.2:26379",
                "spring.data.redis.password=db-secret").run(context -> {
            LettuceConnectionFactory factory = context.getBean(ImageIndexRedisConfiguration.CONNECTION_FACTORY,
                    LettuceConnectionFactory.class);

            RedisSentinelConfiguration sentinel = factory.getSentinelConfiguration();
            assertThat(sentinel).isNotNull();
            assertThat(sentinel.getMaster().getName()).isEqualTo("backend");
            assertThat(sentinel.getSentinels()).extracting(RedisNode::getHost)
                    .containsExactlyInAnyOrder("10.0.0.1", "10.0.0.2");
            assertThat(sentinel.getDatabase()).isEqualTo(3);
            assertThat(new String(sentinel.getPassword().get())).isEqualTo("db-secret");
            assertThat(ImageIndexRedisConfiguration.describe(factory)).isEqualTo("sentinel master backend db 3");
        });
    }

    @Test
    void redissUrl_usesSsl() {
        contexts.withPropertyValues("spring.data.redis.url=rediss://redis.example:6380").run(context -> {
            LettuceConnectionFactory factory = context.getBean(ImageIndexRedisConfiguration.CONNECTION_FACTORY,
                    LettuceConnectionFactory.class);

            assertThat(factory.isUseSsl()).isTrue();
            assertThat(ImageIndexRedisConfiguration.describe(factory)).isEqualTo("redis.example:6380 db 3");
        });
    }
}
