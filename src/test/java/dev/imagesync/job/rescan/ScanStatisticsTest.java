package dev.imagesync.job.rescan;

import dev.imagesync.image.SkipReason;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Counters through checkpoints: what a restarted partition resumed from is kept apart from its own work. */
class ScanStatisticsTest {

    @Test
    void freshStart_resumesFromNothing() {
        ExecutionContext context = new ExecutionContext();
        ScanStatistics statistics = new ScanStatistics();
        statistics.restoreFrom(context);
        statistics.increment(ScanStatistics.Counter.TAGS);
        statistics.saveTo(context);

        assertThat(ScanStatistics.readFrom(context).tags()).isEqualTo(1);
        assertThat(ScanStatistics.resumedIn(context).tags()).isZero();
        assertThat(context.entrySet()).noneMatch(entry -> entry.getKey().startsWith(ScanStatistics.RESUMED));
    }

    @Test
    void restart_continuesTheCounts_andItsOwnWorkIsTheDifference() {
        ExecutionContext checkpoint = new ExecutionContext();
        ScanStatistics first = new ScanStatistics();
        first.restoreFrom(checkpoint);
        first.add(ScanStatistics.Counter.TAGS, 6);
        first.add(ScanStatistics.Counter.RECORDS, 4);
        first.skipped(new SkipReason("missing kernelspec"));
        first.saveTo(checkpoint);

        ScanStatistics second = new ScanStatistics();
        second.restoreFrom(checkpoint);
        second.add(ScanStatistics.Counter.TAGS, 5);
        second.add(ScanStatistics.Counter.RECORDS, 2);
        second.skipped(new SkipReason("missing kernelspec"));
        second.skipped(new SkipReason("unsupported kernelspec"));
        second.saveTo(checkpoint);

        ScanCounts total = ScanStatistics.readFrom(checkpoint);
        ScanCounts own = total.minus(ScanStatistics.resumedIn(checkpoint));
        assertThat(total.tags()).isEqualTo(11);
        assertThat(own.tags()).isEqualTo(5);
        assertThat(own.records()).isEqualTo(2);
        assertThat(total.skippedByReason()).isEqualTo(Map.of("missing kernelspec", 2L, "unsupported kernelspec", 1L));
        assertThat(own.skippedByReason()).isEqualTo(Map.of("missing kernelspec", 1L, "unsupported kernelspec", 1L));

        // A second restart resumes from the second execution's checkpoint, not the first's.
        ScanStatistics third = new ScanStatistics();
        third.restoreFrom(checkpoint);
        third.saveTo(checkpoint);
        assertThat(ScanStatistics.readFrom(checkpoint).minus(ScanStatistics.resumedIn(checkpoint)).tags()).isZero();
        assertThat(ScanStatistics.resumedIn(checkpoint).tags()).isEqualTo(11);
    }
}
