package dev.imagesync.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What a Spring Boot test context of imagesync needs: the test services, an etcd namespace of its own, an
 * in-memory job repository of its own, and no command line run at start-up.
 */
public final class TestContextProperties {

    private TestContextProperties() {
    }

    public static void register(DynamicPropertyRegistry registry, String namespace) {
        registry.add("imagesync.cli.enabled", () -> "false");
        registry.add("imagesync.etcd.endpoints", () -> LocalServices.etcd().endpoint());
        registry.add("imagesync.etcd.namespace", () -> namespace);
        registry.add("spring.data.redis.host", () -> LocalServices.redis().host());
        registry.add("spring.data.redis.port", () -> LocalServices.redis().port());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + namespace + ";DB_CLOSE_DELAY=-1");
    }
}
