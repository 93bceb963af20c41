package dev.imagesync.job.rescan;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;

import java.time.Duration;

/**
 * Logs one progress line per registry every few seconds, at checkpoints. A stream rather than a chunk
 * listener because a step that processes items concurrently does not call chunk listeners.
 */
public class ScanProgressLogger implements ItemStream {

    private static final Logger log = LoggerFactory.getLogger(ScanProgressLogger.class);

    private final RegistryScanSession session;
    private final long intervalNanos;
    private long startedAt;
    private long lastLoggedAt;
    private long tagsAtStart;

    public ScanProgressLogger(RegistryScanSession session, Duration interval) {
        this.session = session;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public void open(ExecutionContext context) {
        startedAt = System.nanoTime();
        lastLoggedAt = startedAt;
        tagsAtStart = context.getLong(ScanStatistics.key(ScanStatistics.Counter.TAGS), 0);
    }

    @Override
    public void update(ExecutionContext context) {
        long now = System.nanoTime();
        if (now - lastLoggedAt < intervalNanos) {
            return;
        }
        lastLoggedAt = now;
        ScanStatistics stats = session.statistics();
        double seconds = (now - startedAt) / 1e9;
        long tags = stats.get(ScanStatistics.Counter.TAGS);
        log.info("registry '{}': {} tags scanned, {} unchanged, {} records written, {} skipped ({} tags/s)",
                session.registryName(), tags, stats.get(ScanStatistics.Counter.UNCHANGED),
                stats.get(ScanStatistics.Counter.RECORDS), stats.skippedTotal(),
                String.format("%.1f", (tags - tagsAtStart) / Math.max(seconds, 1e-3)));
    }
}
