package dev.imagesync.etcd;

import static dev.imagesync.etcd.EtcdKeyCodec.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the registries operators configured under {@code config/docker/registry} (CONTRACT.md §1
 * "Registries"). A broken entry yields an error for that registry alone so the others can still be scanned.
 * Stateless apart from the store; thread-safe if the store is.
 */
public final class RegistryConfigReader {

    /** Where operators configure registries, one subtree per quoted registry name. */
    public static final String REGISTRY_PREFIX = "config/docker/registry";

    private final KeyValueStore store;

    public RegistryConfigReader(KeyValueStore store) {
        this.store = store;
    }

    /** Every configured registry, valid or not, sorted by (unquoted) name. */
    public List<RegistryConfigResult> readAll() {
        EtcdTree registries = EtcdTree.fromPrefixRead(REGISTRY_PREFIX, store.getPrefix(REGISTRY_PREFIX));
        List<RegistryConfigResult> results = new ArrayList<>();
        for (String name : registries.childNames().stream().sorted().toList()) {
            results.add(RegistryEntryParser.parse(name, registries.child(name).orElseThrow()));
        }
        return results;
    }

    /** One registry by its (unquoted) name; empty when nothing is configured under it. */
    public Optional<RegistryConfigResult> find(String name) {
        String prefix = REGISTRY_PREFIX + "/" + quote(name);
        EtcdTree entry = EtcdTree.fromPrefixRead(prefix, store.getPrefix(prefix));
        return entry.isEmpty() ? Optional.empty() : Optional.of(RegistryEntryParser.parse(name, entry));
    }
}
