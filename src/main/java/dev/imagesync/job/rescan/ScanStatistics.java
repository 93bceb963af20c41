package dev.imagesync.job.rescan;

import dev.imagesync.image.SkipReason;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of one registry's scan. Thread-safe: the step's thread and the repository read-ahead threads
 * update them.
 * Saved in the step's ExecutionContext at every checkpoint so that a restarted scan continues its counts.
 */
public final class ScanStatistics {

    /** What is counted besides skips; the context key of each is {@code stats.{name}}. */
    enum Counter {
        REPOSITORIES, TAGS, RECORDS, KEYS, UNCHANGED, UPDATED, NEW, PRUNED, ORPHANED_ALIASES
    }

    static final String PREFIX = "stats.";
    static final String SKIPPED_PREFIX = "stats.skipped.";
    /** Before a key: its value when a restarted partition resumed, which its earlier execution had counted. */
    static final String RESUMED = "resumed.";

    private final Map<Counter, AtomicLong> counters = new EnumMap<>(Counter.class);
    private final ConcurrentMap<String, AtomicLong> skipped = new ConcurrentHashMap<>();

    public ScanStatistics() {
        for (Counter counter : Counter.values()) {
            counters.put(counter, new AtomicLong());
        }
    }

    void add(Counter counter, long amount) {
        counters.get(counter).addAndGet(amount);
    }

    void increment(Counter counter) {
        add(counter, 1);
    }

    void skipped(SkipReason reason) {
        skipped.computeIfAbsent(reason.text(), r -> new AtomicLong()).incrementAndGet();
    }

    void saveTo(ExecutionContext context) {
        counters.forEach((counter, value) -> context.putLong(key(counter), value.get()));
        skipped.forEach((reason, count) -> context.putLong(SKIPPED_PREFIX + reason, count.get()));
    }

    /**
     * Continues from the counts of the context's last checkpoint, and keeps them apart as the resumed counts:
     * the earlier execution that committed them has already reported them.
     */
    void restoreFrom(ExecutionContext context) {
        counters.forEach((counter, value) -> value.set(context.getLong(key(counter), 0)));
        skipped.clear();
        skippedIn(context, "").forEach((reason, count) -> skipped.put(reason, new AtomicLong(count)));
        if (context.containsKey(key(Counter.TAGS))) {
            counters.forEach((counter, value) -> context.putLong(RESUMED + key(counter), value.get()));
            skipped.forEach((reason, count) -> context.putLong(RESUMED + SKIPPED_PREFIX + reason, count.get()));
        }
    }

    /** Reads the counters a scan left in a step's ExecutionContext, resumed ones included. */
    static ScanCounts readFrom(ExecutionContext context) {
        return read(context, "");
    }

    /** The counts a restarted partition resumed from (zero for one that started afresh). */
    static ScanCounts resumedIn(ExecutionContext context) {
        return read(context, RESUMED);
    }

    private static ScanCounts read(ExecutionContext context, String root) {
        Map<Counter, Long> values = new EnumMap<>(Counter.class);
        for (Counter counter : Counter.values()) {
            values.put(counter, context.getLong(root + key(counter), 0));
        }
        return new ScanCounts(values, skippedIn(context, root));
    }

    static String key(Counter counter) {
        return PREFIX + counter.name().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Long> skippedIn(ExecutionContext context, String root) {
        String prefix = root + SKIPPED_PREFIX;
        Map<String, Long> skippedByReason = new TreeMap<>();
        for (Map.Entry<String, Object> entry : context.entrySet()) {
            if (entry.getKey().startsWith(prefix)) {
                skippedByReason.put(entry.getKey().substring(prefix.length()),
                        ((Number) entry.getValue()).longValue());
            }
        }
        return skippedByReason;
    }
}
