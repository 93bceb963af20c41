package dev.imagesync.etcd;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Consumer;

/**
 * The etcd port: keys are relative to the namespace root ({@code /sorna/{namespace}/}) and are used as
 * given, already quoted where the layout quotes them. Every call is bounded by a timeout and fails with
 * {@link EtcdUnavailableException} instead of hanging.
 */
public interface KeyValueStore {

    Optional<String> get(String key);

    /** The key itself and every key below {@code prefix + "/"}, ascending. Never {@code prefix}-siblings. */
    SortedMap<String, String> getPrefix(String prefix);

    void put(String key, String value);

    /**
     * Puts all pairs sorted by key in transactions of at most {@link EtcdTransactions#MAX_OPS} puts, possibly
     * several in flight at once. Idempotent; not atomic as a whole, only per transaction, and the transactions
     * may commit in any order. Returns the number of keys written.
     */
    int putAll(Map<String, String> pairs);

    /** Deletes one key; returns how many were deleted (0 or 1). */
    long delete(String key);

    /** Deletes the key itself and everything below {@code prefix + "/"}; returns how many were deleted. */
    long deletePrefix(String prefix);

    /**
     * Calls {@code action} with every key below {@code prefix + "/"} (not the key itself), ascending, reading
     * keys only and a page at a time, so that walking a large tree takes little memory.
     */
    void forEachKeyBelow(String prefix, Consumer<String> action);

    /**
     * Deletes each path and its subtree, sorted, in transactions of at most {@link EtcdTransactions#MAX_OPS}
     * operations (two per path). Returns how many keys were deleted.
     */
    long deleteSubtrees(Collection<String> paths);
}
