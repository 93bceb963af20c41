package dev.imagesync.testsupport;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import dev.imagesync.etcd.EtcdUnavailableException;
import dev.imagesync.etcd.KeyValueStore;

/**
 * Test-only store wrapper: a hook runs before every {@code putAll} with the call's number (from 1) and may
 * throw (see {@link #failOn}) or wait; every {@code putAll} that went through is recorded, so a test can tell
 * what was written twice.
 */
public final class HookedPutAllStore implements KeyValueStore {

    private final KeyValueStore real;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<Set<String>> written = new ArrayList<>();
    private volatile IntConsumer beforePutAll;

    public HookedPutAllStore(KeyValueStore real, IntConsumer beforePutAll) {
        this.real = real;
        this.beforePutAll = beforePutAll;
    }

    /** A hook under which the {@code call}-th {@code putAll} throws before writing anything, as if etcd went away. */
    public static IntConsumer failOn(int call) {
        return number -> {
            if (number == call) {
                throw new EtcdUnavailableException("etcd went away (injected by the test)", null);
            }
        };
    }

    /** Replaces the hook and counts calls from 1 again. */
    public void setBeforePutAll(IntConsumer hook) {
        calls.set(0);
        beforePutAll = hook;
    }

    @Override
    public int putAll(Map<String, String> pairs) {
        beforePutAll.accept(calls.incrementAndGet());
        synchronized (written) {
            written.add(Set.copyOf(pairs.keySet()));
        }
        return real.putAll(pairs);
    }

    public List<Set<String>> written() {
        synchronized (written) {
            return List.copyOf(written);
        }
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
