package dev.imagesync.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.imagesync.etcd.EtcdTree;
import dev.imagesync.etcd.KeyValueStore;

/**
 * The typed side of Backend.AI's {@code SharedConfig} that is not about images: configuration lookups with
 * defaults, allowed origins, vfolder types, manager nodes and the Redis URL. Stateless; thread-safe.
 */
public final class SharedConfig {

    /** What 21.09 assumed when these keys are missing ({@code shared_config_defaults}). */
    public static final Map<String, String> DEFAULTS = Map.of(
            "volumes/_mount", "/mnt",
            "volumes/_default_host", "local",
            "volumes/_fsprefix", "/",
            CatalogKeys.ALLOW_ORIGINS, "*",
            "config/docker/image/auto_pull", "digest",
            CatalogKeys.REDIS_ADDR, "127.0.0.1:6379");

    /** The vfolder type assumed when none is configured. */
    public static final String DEFAULT_VFOLDER_TYPE = "user";

    private final KeyValueStore store;

    public SharedConfig(KeyValueStore store) {
        this.store = store;
    }

    /** The key's value, else its default, else empty. */
    public Optional<String> get(String key) {
        return store.get(key).or(() -> Optional.ofNullable(DEFAULTS.get(key)));
    }

    /** The key's value or default; {@link RequiredConfigMissingException} when there is neither. */
    public String require(String key) {
        return get(key).orElseThrow(() -> new RequiredConfigMissingException(key));
    }

    /** {@code config/api/allow-origins}, {@code *} by default. */
    public String allowedOrigins() {
        return require(CatalogKeys.ALLOW_ORIGINS);
    }

    /** The types under {@code volumes/_types}, or {@code [user]} when none is configured. */
    public List<String> vfolderTypes() {
        EtcdTree types = EtcdTree.fromPrefixRead(CatalogKeys.VFOLDER_TYPES, store.getPrefix(CatalogKeys.VFOLDER_TYPES));
        List<String> names = List.copyOf(types.childNames());
        return names.isEmpty() ? List.of(DEFAULT_VFOLDER_TYPE) : names;
    }

    /** {@code nodes/manager/*}: instance id to state ({@code up}). */
    public SortedMap<String, String> managerNodes() {
        EtcdTree nodes = EtcdTree.fromPrefixRead(CatalogKeys.MANAGER_NODES, store.getPrefix(CatalogKeys.MANAGER_NODES));
        SortedMap<String, String> states = new TreeMap<>();
        nodes.childNames().forEach(node -> states.put(node, nodes.text(node).orElse("")));
        return states;
    }

    /** The Redis URL for {@code database} from {@code config/redis/addr} (default 127.0.0.1:6379) and password. */
    public RedisUrl redisUrl(int database) {
        return RedisUrl.of(require(CatalogKeys.REDIS_ADDR), store.get(CatalogKeys.REDIS_PASSWORD).orElse(null),
                database);
    }
}
