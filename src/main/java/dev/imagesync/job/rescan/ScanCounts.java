package dev.imagesync.job.rescan;

import java.util.Map;
import java.util.TreeMap;

/** A snapshot of scan counters, for one registry or summed over several. */
public record ScanCounts(long repositories, long tags, long records, long keys, Map<String, Long> skippedByReason) {

    public ScanCounts {
        skippedByReason = Map.copyOf(skippedByReason);
    }

    public static ScanCounts zero() {
        return new ScanCounts(0, 0, 0, 0, Map.of());
    }

    public long skipped() {
        return skippedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    public ScanCounts plus(ScanCounts other) {
        Map<String, Long> merged = new TreeMap<>(skippedByReason);
        other.skippedByReason.forEach((reason, count) -> merged.merge(reason, count, Long::sum));
        return new ScanCounts(repositories + other.repositories, tags + other.tags, records + other.records,
                keys + other.keys, merged);
    }
}
