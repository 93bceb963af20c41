package dev.imagesync.etcd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Splits writes into etcd transactions the way the 21.09 system did: sorted by key, no duplicate key in a
 * transaction, at most {@link #MAX_OPS} operations each (CONTRACT.md §1). etcd itself would take 128 per
 * txn; 16 keeps each request small and matches what the manager's operators are used to seeing.
 */
public final class EtcdTransactions {

    /** Operations per transaction. */
    public static final int MAX_OPS = 16;

    private EtcdTransactions() {
    }

    /** The puts sorted by key (a map has no duplicate keys) in consecutive batches of at most {@link #MAX_OPS}. */
    public static List<SortedMap<String, String>> putBatches(Map<String, String> puts) {
        List<SortedMap<String, String>> batches = new ArrayList<>();
        SortedMap<String, String> batch = new TreeMap<>();
        for (Map.Entry<String, String> put : new TreeMap<>(puts).entrySet()) {
            if (batch.size() == MAX_OPS) {
                batches.add(batch);
                batch = new TreeMap<>();
            }
            batch.put(put.getKey(), put.getValue());
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    /** The keys sorted and de-duplicated, in consecutive batches of at most {@link #MAX_OPS}. */
    public static List<List<String>> deleteBatches(List<String> keys) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(keys));
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += MAX_OPS) {
            batches.add(List.copyOf(sorted.subList(from, Math.min(from + MAX_OPS, sorted.size()))));
        }
        return batches;
    }
}
