package dev.imagesync.app;

import dev.imagesync.etcd.EtcdProperties;
import dev.imagesync.etcd.JetcdKeyValueStore;
import dev.imagesync.etcd.KeyValueStore;
import dev.imagesync.etcd.RegistryConfigReader;
import dev.imagesync.registry.RegistryClientFactory;
import dev.imagesync.registry.RegistryProperties;
import okhttp3.Interceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The adapters to the outside: one etcd client for the process and the registry HTTP client factory. */
@Configuration
public class InfrastructureConfiguration {

    @Bean(destroyMethod = "close")
    public JetcdKeyValueStore keyValueStore(EtcdProperties etcd) {
        return new JetcdKeyValueStore(etcd);
    }

    @Bean
    public RegistryConfigReader registryConfigReader(KeyValueStore store) {
        return new RegistryConfigReader(store);
    }

    /** Extra interceptors (request counting, tests' fault injection) apply to every registry request. */
    @Bean
    public RegistryClientFactory registryClientFactory(RegistryProperties registry,
                                                       ObjectProvider<Interceptor> interceptors) {
        return new RegistryClientFactory(registry, interceptors.orderedStream().toList());
    }
}
