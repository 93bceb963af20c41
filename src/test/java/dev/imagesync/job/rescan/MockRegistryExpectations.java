package dev.imagesync.job.rescan;

import dev.imagesync.etcd.KeyValueStore;
import dev.imagesync.testsupport.MockDistributionRegistry;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the job tests on {@link MockDistributionRegistry} expect in etcd, spelled out from CONTRACT.md §1
 * without imagesync's key code, and how they register such a registry in etcd.
 */
final class MockRegistryExpectations {

    private MockRegistryExpectations() {
    }

    /** {@code host%3Aport}: the registry name as quoted in etcd keys. */
    static String quotedName(MockDistributionRegistry registry) {
        return registry.hostAndPort().replace(":", "%3A");
    }

    static void configure(KeyValueStore store, MockDistributionRegistry registry) {
        store.put("config/docker/registry/" + quotedName(registry), registry.url().toString());
    }

    /** Every key of every tag the registry serves. */
    static SortedMap<String, String> allKeys(MockDistributionRegistry registry) {
        SortedMap<String, String> keys = new TreeMap<>();
        registry.tagsByRepository().forEach((repository, tags) -> keys.putAll(keysOf(registry, repository, tags)));
        return keys;
    }

    static SortedMap<String, String> keysOf(MockDistributionRegistry registry, String repository, List<String> tags) {
        SortedMap<String, String> keys = new TreeMap<>();
        String repositoryKey = "images/" + quotedName(registry) + "/" + repository.replace("/", "%2F");
        for (String tag : tags) {
            keys.put(repositoryKey, "1");
            String tagKey = repositoryKey + "/" + tag;
            keys.put(tagKey, registry.configDigest(repository, tag));
            keys.put(tagKey + "/size_bytes", Long.toString(registry.sizeBytes(repository, tag)));
            keys.put(tagKey + "/labels/ai.backend.kernelspec", "1");
        }
        return keys;
    }

    /** The keys under one registry's {@code images/} subtree. */
    static Map<String, String> imagesOf(KeyValueStore store, MockDistributionRegistry registry) {
        return new TreeMap<>(store.getPrefix("images/" + quotedName(registry)));
    }
}
