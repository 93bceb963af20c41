package dev.imagesync.catalog;

import java.util.Set;
import java.util.TreeSet;

import dev.imagesync.etcd.EtcdTree;
import dev.imagesync.etcd.KeyValueStore;
import dev.imagesync.etcd.RegistryConfigReader;

/**
 * The registry names configured under {@code config/docker/registry}, valid or not: a name counts as a
 * registry in references as soon as it is configured, as 21.09's {@code get_known_registries} did.
 */
public final class KnownRegistries {

    private final KeyValueStore store;

    public KnownRegistries(KeyValueStore store) {
        this.store = store;
    }

    public Set<String> names() {
        String prefix = RegistryConfigReader.REGISTRY_PREFIX;
        return new TreeSet<>(EtcdTree.fromPrefixRead(prefix, store.getPrefix(prefix)).childNames());
    }
}
