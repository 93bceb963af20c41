package dev.imagesync.catalog;

import java.util.ArrayList;
import java.util.List;

import dev.imagesync.etcd.KeyValueStore;
import dev.imagesync.etcd.RegistryConfigReader;
import dev.imagesync.etcd.EtcdTree;
import dev.imagesync.image.SlotUnit;

/**
 * Checks the whole {@code config/} subtree the way 21.09's manager did at start-up, but reports every
 * invalid key at once instead of the first: registries (URL with scheme, known type, boolean ssl-verify),
 * resource slot units and the Redis address.
 */
public final class ConfigValidator {

    private final KeyValueStore store;
    private final ResourceSlots slots;

    public ConfigValidator(KeyValueStore store, ResourceSlots slots) {
        this.store = store;
        this.slots = slots;
    }

    /** Every problem, sorted by key; empty when the configuration is valid. */
    public List<ConfigProblem> validate() {
        List<ConfigProblem> problems = new ArrayList<>();
        String prefix = RegistryConfigReader.REGISTRY_PREFIX;
        EtcdTree configured = EtcdTree.fromPrefixRead(prefix, store.getPrefix(prefix));
        for (String name : configured.childNames()) {
            RegistryKeyChecks.check(name, configured.child(name).orElseThrow(),
                    (key, reason) -> problems.add(new ConfigProblem(key, reason)));
        }
        slots.configured().forEach((slot, unit) -> {
            try {
                SlotUnit.fromConfig(unit);
            } catch (IllegalArgumentException invalid) {
                problems.add(new ConfigProblem(CatalogKeys.resourceSlot(slot), invalid.getMessage()));
            }
        });
        store.get(CatalogKeys.REDIS_ADDR).ifPresent(address -> {
            try {
                RedisUrl.of(address, null, 0);
            } catch (IllegalArgumentException invalid) {
                problems.add(new ConfigProblem(CatalogKeys.REDIS_ADDR, invalid.getMessage()));
            }
        });
        return problems.stream().sorted().toList();
    }
}
