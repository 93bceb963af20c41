package dev.imagesync.job.rescan;

import dev.imagesync.job.rescan.ScanStatistics.Counter;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** A snapshot of scan counters, for one registry or summed over several. */
public record ScanCounts(Map<Counter, Long> counters, Map<String, Long> skippedByReason) {

    public ScanCounts {
        counters = Map.copyOf(counters);
        skippedByReason = Map.copyOf(skippedByReason);
    }

    public static ScanCounts zero() {
        return new ScanCounts(Map.of(), Map.of());
    }

    public long repositories() {
        return get(Counter.REPOSITORIES);
    }

    public long tags() {
        return get(Counter.TAGS);
    }

    public long records() {
        return get(Counter.RECORDS);
    }

    public long keys() {
        return get(Counter.KEYS);
    }

    public long unchanged() {
        return get(Counter.UNCHANGED);
    }

    public long updated() {
        return get(Counter.UPDATED);
    }

    public long created() {
        return get(Counter.NEW);
    }

    public long pruned() {
        return get(Counter.PRUNED);
    }

    public long orphanedAliases() {
        return get(Counter.ORPHANED_ALIASES);
    }

    public long skipped() {
        return skippedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    public ScanCounts plus(ScanCounts other) {
        Map<Counter, Long> sums = new EnumMap<>(Counter.class);
        for (Counter counter : Counter.values()) {
            sums.put(counter, get(counter) + other.get(counter));
        }
        Map<String, Long> merged = new TreeMap<>(skippedByReason);
        other.skippedByReason.forEach((reason, count) -> merged.merge(reason, count, Long::sum));
        return new ScanCounts(sums, merged);
    }

    /** These counts less {@code earlier} ones they include. */
    public ScanCounts minus(ScanCounts earlier) {
        Map<Counter, Long> differences = new EnumMap<>(Counter.class);
        for (Counter counter : Counter.values()) {
            differences.put(counter, get(counter) - earlier.get(counter));
        }
        Map<String, Long> skippedSince = new TreeMap<>();
        skippedByReason.forEach((reason, count) -> {
            long since = count - earlier.skippedByReason.getOrDefault(reason, 0L);
            if (since != 0) {
                skippedSince.put(reason, since);
            }
        });
        return new ScanCounts(differences, skippedSince);
    }

    private long get(Counter counter) {
        return counters.getOrDefault(counter, 0L);
    }
}
