package dev.imagesync.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import dev.imagesync.etcd.EtcdUnavailableException;
import dev.imagesync.etcd.KeyValueStore;

/**
 * Test-only store wrapper: the {@code failOn}-th {@code putAll} throws before writing anything (as if etcd went
 * away mid-import), once; every {@code putAll} is recorded so a test can tell what was written twice.
 */
final class FailingPutAllStore implements KeyValueStore {

    private final KeyValueStore real;
    private final int failOn;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<Set<String>> written = new ArrayList<>();

    FailingPutAllStore(KeyValueStore real, int failOn) {
        this.real = real;
        this.failOn = failOn;
    }

    @Override
    public synchronized int putAll(Map<String, String> pairs) {
        if (calls.incrementAndGet() == failOn) {
            throw new EtcdUnavailableException("etcd went away (injected by the test)", null);
        }
        written.add(Set.copyOf(pairs.keySet()));
        return real.putAll(pairs);
    }

    synchronized List<Set<String>> written() {
        return List.copyOf(written);
    }

    @Override
    public Optional<String> get(String key) {
        return real.get(key);
    }

    @Override
    public SortedMap<String, String> getPrefix(String prefix) {
        return real.getPrefix(prefix);
    }

    @Override
    public void put(String key, String value) {
        real.put(key, value);
    }

    @Override
    public long delete(String key) {
        return real.delete(key);
    }

    @Override
    public long deletePrefix(String prefix) {
        return real.deletePrefix(prefix);
    }

    @Override
    public void forEachKeyBelow(String prefix, Consumer<String> action) {
        real.forEachKeyBelow(prefix, action);
    }

    @Override
    public long deleteSubtrees(Collection<String> paths) {
        return real.deleteSubtrees(paths);
    }
}
