package dev.imagesync.catalog;

import java.util.Map;
import java.util.TreeMap;

import dev.imagesync.etcd.ImageRecordKeys;
import dev.imagesync.etcd.JetcdKeyValueStore;
import dev.imagesync.image.ImageRecord;
import dev.imagesync.image.TagRef;
import dev.imagesync.testsupport.LocalServices;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Catalog services on a fresh etcd namespace of the test etcd, and the test Redis's image database. */
final class CatalogFixture implements AutoCloseable {

    final JetcdKeyValueStore store = LocalServices.etcd().newStore();
    final KnownRegistries registries = new KnownRegistries(store);
    final AliasResolver aliases = new AliasResolver(store, registries);
    final ResourceSlots slots = new ResourceSlots(store);
    private final LettuceConnectionFactory redisFactory;
    final StringRedisTemplate redis;

    CatalogFixture() {
        this(LocalServices.redis().port());
    }

    CatalogFixture(int redisPort) {
        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration("127.0.0.1", redisPort);
        server.setDatabase(ImageIndexRedisConfiguration.IMAGE_DATABASE);
        redisFactory = new LettuceConnectionFactory(server);
        redisFactory.afterPropertiesSet();
        redisFactory.start();
        redis = new StringRedisTemplate(redisFactory);
    }

    ImageCatalog catalog() {
        return new ImageCatalog(store, aliases, new RedisInstalledImages(redis, "test redis"));
    }

    ImageResourceLimits limits() {
        return new ImageResourceLimits(store, aliases, slots);
    }

    /** Writes an image record exactly as rescan-images would. */
    void image(String registry, String repository, String tag, Map<String, String> labels) {
        store.putAll(ImageRecordKeys.keysFor(new ImageRecord(new TagRef(registry, repository, tag),
                "sha256:" + tag.hashCode(), 1234, new TreeMap<>(labels))));
    }

    void registry(String name, String url) {
        store.put("config/docker/registry/" + dev.imagesync.etcd.EtcdKeyCodec.quote(name), url);
    }

    @Override
    public void close() {
        redisFactory.destroy();
        store.close();
    }
}
