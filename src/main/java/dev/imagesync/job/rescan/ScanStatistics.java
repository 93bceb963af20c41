package dev.imagesync.job.rescan;

import dev.imagesync.image.SkipReason;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of one registry's scan. Thread-safe: the processor updates them from concurrent item workers.
 * Saved in the step's ExecutionContext at every checkpoint so that a restarted scan continues its counts.
 */
public final class ScanStatistics {

    static final String REPOSITORIES = "stats.repositories";
    static final String TAGS = "stats.tags";
    static final String RECORDS = "stats.records";
    static final String KEYS = "stats.keys";
    static final String SKIPPED_PREFIX = "stats.skipped.";

    private final AtomicLong repositories = new AtomicLong();
    private final AtomicLong tags = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong keys = new AtomicLong();
    private final ConcurrentMap<String, AtomicLong> skipped = new ConcurrentHashMap<>();

    void repositoryListed() {
        repositories.incrementAndGet();
    }

    void tagSeen() {
        tags.incrementAndGet();
    }

    void skipped(SkipReason reason) {
        skipped.computeIfAbsent(reason.text(), r -> new AtomicLong()).incrementAndGet();
    }

    void written(int recordCount, int keyCount) {
        records.addAndGet(recordCount);
        keys.addAndGet(keyCount);
    }

    public long tags() {
        return tags.get();
    }

    public long records() {
        return records.get();
    }

    long skippedTotal() {
        return skipped.values().stream().mapToLong(AtomicLong::get).sum();
    }

    long skippedFor(SkipReason reason) {
        AtomicLong count = skipped.get(reason.text());
        return count == null ? 0 : count.get();
    }

    void saveTo(ExecutionContext context) {
        context.putLong(REPOSITORIES, repositories.get());
        context.putLong(TAGS, tags.get());
        context.putLong(RECORDS, records.get());
        context.putLong(KEYS, keys.get());
        skipped.forEach((reason, count) -> context.putLong(SKIPPED_PREFIX + reason, count.get()));
    }

    void restoreFrom(ExecutionContext context) {
        repositories.set(context.getLong(REPOSITORIES, 0));
        tags.set(context.getLong(TAGS, 0));
        records.set(context.getLong(RECORDS, 0));
        keys.set(context.getLong(KEYS, 0));
        skipped.clear();
        for (Map.Entry<String, Object> entry : context.entrySet()) {
            if (entry.getKey().startsWith(SKIPPED_PREFIX)) {
                skipped.put(entry.getKey().substring(SKIPPED_PREFIX.length()),
                        new AtomicLong(((Number) entry.getValue()).longValue()));
            }
        }
    }

    /** Reads the counters a scan left in a step's ExecutionContext. */
    static ScanCounts readFrom(ExecutionContext context) {
        Map<String, Long> skippedByReason = new TreeMap<>();
        for (Map.Entry<String, Object> entry : context.entrySet()) {
            if (entry.getKey().startsWith(SKIPPED_PREFIX)) {
                skippedByReason.put(entry.getKey().substring(SKIPPED_PREFIX.length()),
                        ((Number) entry.getValue()).longValue());
            }
        }
        return new ScanCounts(context.getLong(REPOSITORIES, 0), context.getLong(TAGS, 0),
                context.getLong(RECORDS, 0), context.getLong(KEYS, 0), skippedByReason);
    }
}
