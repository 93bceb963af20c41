package dev.imagesync.job.rescan;

import dev.imagesync.etcd.RegistryConfigReader;
import dev.imagesync.etcd.RegistryConfigResult;
import dev.imagesync.registry.RegistryClient;
import dev.imagesync.registry.RegistryClientFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.concurrent.Semaphore;

/**
 * The state one registry's scan shares between its reader, processor and writer: the registry's client and
 * the scan counters. One per step execution (step scope); the reader opens and closes it.
 */
public class RegistryScanSession {

    private final String registryName;
    private final RegistryConfigReader configReader;
    private final RegistryClientFactory clientFactory;
    private final String architecture;
    private final Semaphore fetchPermits;
    private final ScanStatistics statistics = new ScanStatistics();
    private RegistryClient client;

    public RegistryScanSession(String registryName, RegistryConfigReader configReader,
                               RegistryClientFactory clientFactory, String architecture, int concurrency) {
        this.registryName = registryName;
        this.configReader = configReader;
        this.clientFactory = clientFactory;
        this.architecture = architecture;
        // Bounds concurrent manifest fetches per registry even when several registries share the worker pool.
        this.fetchPermits = new Semaphore(concurrency);
    }

    /** Reads the registry's configuration from etcd (fresh at every step start) and connects. */
    void open(ExecutionContext context) {
        RegistryConfigResult result = configReader.find(registryName)
                .orElseThrow(() -> new RegistryConfigurationException(registryName, "no longer configured"));
        if (!result.isValid()) {
            throw new RegistryConfigurationException(registryName, result.error());
        }
        client = clientFactory.create(result.config(), architecture);
        statistics.restoreFrom(context);
    }

    void update(ExecutionContext context) {
        statistics.saveTo(context);
    }

    void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    public String registryName() {
        return registryName;
    }

    RegistryClient client() {
        if (client == null) {
            throw new IllegalStateException("registry scan session for '" + registryName + "' is not open");
        }
        return client;
    }

    Semaphore fetchPermits() {
        return fetchPermits;
    }

    public ScanStatistics statistics() {
        return statistics;
    }
}
