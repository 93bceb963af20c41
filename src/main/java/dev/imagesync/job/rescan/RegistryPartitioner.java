package dev.imagesync.job.rescan;

import dev.imagesync.etcd.RegistryConfigReader;
import dev.imagesync.etcd.RegistryConfigResult;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One partition per configured registry (or only the one named at launch), so that registries succeed, fail
 * and restart independently: a restart re-runs only the partitions that did not complete.
 */
public class RegistryPartitioner implements Partitioner {

    static final String REGISTRY_KEY = "registry";

    private final RegistryConfigReader configReader;
    private final String onlyRegistry;

    /** @param onlyRegistry the registry named at launch, or null for all configured registries */
    public RegistryPartitioner(RegistryConfigReader configReader, String onlyRegistry) {
        this.configReader = configReader;
        this.onlyRegistry = onlyRegistry == null || onlyRegistry.isBlank() ? null : onlyRegistry;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        List<String> names = configReader.readAll().stream().map(RegistryConfigResult::name).toList();
        if (onlyRegistry != null) {
            if (!names.contains(onlyRegistry)) {
                throw new UnknownRegistryException(onlyRegistry, names);
            }
            names = List.of(onlyRegistry);
        }
        Map<String, ExecutionContext> partitions = new TreeMap<>();
        for (String name : names) {
            ExecutionContext context = new ExecutionContext();
            context.putString(REGISTRY_KEY, name);
            // Spring Batch names the partition step "scan-registry:{name}"; sql/ queries rely on that.
            partitions.put(name, context);
        }
        return partitions;
    }
}
