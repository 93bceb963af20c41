package dev.imagesync.catalog;

import dev.imagesync.etcd.EtcdProperties;
import dev.imagesync.etcd.JetcdKeyWatcher;
import dev.imagesync.etcd.KeyValueStore;
import dev.imagesync.etcd.KeyWatcher;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The catalog services over the process's one etcd store, and the Redis image index they join in. */
@Configuration
public class CatalogConfiguration {

    @Bean
    public KnownRegistries knownRegistries(KeyValueStore store) {
        return new KnownRegistries(store);
    }

    @Bean
    public AliasResolver aliasResolver(KeyValueStore store, KnownRegistries knownRegistries) {
        return new AliasResolver(store, knownRegistries);
    }

    @Bean
    public InstalledImages installedImages(
            @Qualifier(ImageIndexRedisConfiguration.CONNECTION_FACTORY) LettuceConnectionFactory imageIndex) {
        return new RedisInstalledImages(new StringRedisTemplate(imageIndex),
                ImageIndexRedisConfiguration.describe(imageIndex));
    }

    @Bean
    public ImageCatalog imageCatalog(KeyValueStore store, AliasResolver aliasResolver, InstalledImages installedImages) {
        return new ImageCatalog(store, aliasResolver, installedImages);
    }

    @Bean
    public ResourceSlots resourceSlots(KeyValueStore store) {
        return new ResourceSlots(store);
    }

    @Bean
    public ImageResourceLimits imageResourceLimits(KeyValueStore store, AliasResolver aliasResolver,
                                                   ResourceSlots resourceSlots) {
        return new ImageResourceLimits(store, aliasResolver, resourceSlots);
    }

    @Bean
    public SharedConfig sharedConfig(KeyValueStore store) {
        return new SharedConfig(store);
    }

    /** Its own client, built on first watch, so commands that never watch never open a second connection. */
    @Bean(destroyMethod = "close")
    public JetcdKeyWatcher keyWatcher(EtcdProperties etcd) {
        return new JetcdKeyWatcher(etcd);
    }

    @Bean
    public ManagerState managerState(KeyValueStore store, KeyWatcher keyWatcher) {
        return new ManagerState(store, keyWatcher);
    }

    @Bean
    public ConfigValidator configValidator(KeyValueStore store, ResourceSlots resourceSlots) {
        return new ConfigValidator(store, resourceSlots);
    }
}
