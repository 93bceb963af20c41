package dev.imagesync.app;

import dev.imagesync.etcd.EtcdProperties;
import dev.imagesync.etcd.JetcdKeyValueStore;
import dev.imagesync.etcd.KeyValueStore;
import dev.imagesync.etcd.RegistryConfigReader;
import dev.imagesync.jdbc.TagDigestRepository;
import dev.imagesync.jdbc.TagDigestSchema;
import dev.imagesync.registry.RegistryClientFactory;
import dev.imagesync.registry.RegistryProperties;
import okhttp3.Interceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

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

    /** imagesync's own table lives in the job repository's database; it is created here on start-up. */
    @Bean
    public TagDigestRepository tagDigestRepository(DataSource dataSource) {
        TagDigestSchema.create(dataSource);
        return new TagDigestRepository(new JdbcTemplate(dataSource));
    }

    /** Extra interceptors (request counting, tests' fault injection) apply to every registry request. */
    @Bean
    public RegistryClientFactory registryClientFactory(RegistryProperties registry,
                                                       ObjectProvider<Interceptor> interceptors) {
        return new RegistryClientFactory(registry, interceptors.orderedStream().toList());
    }
}
