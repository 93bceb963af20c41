package dev.imagesync.testsupport;

import dev.imagesync.app.ImagesyncApplication;
import dev.imagesync.etcd.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One Spring context (shared by its subclasses through the test context cache) scanning a registry of
 * {@link #TAGS} kernel tags one per chunk and one fetch at a time, each manifest slowed down by 400 ms: a scan
 * lasts a few seconds, long enough to interrupt it. In-memory H2 job repository, its own etcd namespace, the
 * test Redis.
 */
@SpringBootTest(classes = ImagesyncApplication.class, properties = {
        "imagesync.scan.architecture=amd64",
        "imagesync.scan.chunk-size=1",
        "imagesync.registry.concurrency=1",
        "imagesync.serve.lease-ttl=2s",
        "imagesync.progress.interval=200ms",
        "imagesync.test.manifest-delay=400ms"})
public abstract class SlowScanTestBase {

    public static final int TAGS = 8;
    private static final String NAMESPACE = EtcdServer.randomNamespace();
    private static DockerRegistryServer registry;

    @Autowired
    protected KeyValueStore store;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry properties) {
        TestContextProperties.register(properties, NAMESPACE);
    }

    @BeforeEach
    void configureSlowRegistry() {
        store.put("config/docker/registry/" + KernelCatalog.quotedName(registry()), registry().url().toString());
    }

    protected static String namespace() {
        return NAMESPACE;
    }

    /** Started once per JVM, stopped at exit with the other test services. */
    protected static synchronized DockerRegistryServer registry() {
        if (registry == null) {
            registry = DockerRegistryServer.builder().start();
            KernelCatalog.push(registry.url(), "kernels/slow", TAGS);
        }
        return registry;
    }
}
