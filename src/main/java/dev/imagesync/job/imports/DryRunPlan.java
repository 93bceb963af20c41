package dev.imagesync.job.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.imagesync.etcd.KeyValueStore;

/** What an import would change, key by key, without writing anything: for {@code --dry-run}. */
public final class DryRunPlan {

    private DryRunPlan() {
    }

    /** The keys whose value would be new or different, sorted, with their current values. */
    public static <T> List<Change> of(List<T> entries, ImportFileParser<T> parser, KeyValueStore store) {
        SortedMap<String, String> wanted = new TreeMap<>();
        entries.forEach(entry -> wanted.putAll(parser.keysOf(entry)));
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, String> key : wanted.entrySet()) {
            Optional<String> current = store.get(key.getKey());
            if (current.isEmpty() || !current.get().equals(key.getValue())) {
                changes.add(new Change(key.getKey(), current.orElse(null), key.getValue()));
            }
        }
        return changes;
    }

    /**
     * One key that would change.
     *
     * @param key      the etcd key
     * @param oldValue its value now, or null when it does not exist
     * @param newValue the value the import would write
     */
    public record Change(String key, String oldValue, String newValue) {

        @Override
        public String toString() {
            return key + " = " + newValue + (oldValue == null ? " (new)" : " (was " + oldValue + ")");
        }
    }
}
