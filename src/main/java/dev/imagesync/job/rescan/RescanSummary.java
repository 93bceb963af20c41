package dev.imagesync.job.rescan;

import dev.imagesync.job.FailureDescription;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What one execution of rescan-images did, summed over its registry partitions. Counts of a resumed
 * partition include what its failed predecessors committed.
 */
public record RescanSummary(long executionId, BatchStatus status, ScanMode mode, List<RegistryOutcome> registries,
                            ScanCounts totals, ScanCounts resumed, Duration duration) {

    /** One registry's partition in this execution. */
    public record RegistryOutcome(String registry, BatchStatus status, ScanCounts counts, String failure) {
    }

    public static RescanSummary of(JobExecution execution) {
        List<RegistryOutcome> outcomes = new ArrayList<>();
        ScanCounts totals = ScanCounts.zero();
        ScanCounts resumed = ScanCounts.zero();
        for (StepExecution step : execution.getStepExecutions()) {
            String registry = step.getExecutionContext().getString(RegistryPartitioner.REGISTRY_KEY, null);
            if (registry == null) {
                continue;
            }
            ScanCounts counts = ScanStatistics.readFrom(step.getExecutionContext());
            totals = totals.plus(counts);
            resumed = resumed.plus(ScanStatistics.resumedIn(step.getExecutionContext()));
            outcomes.add(new RegistryOutcome(registry, step.getStatus(), counts, firstFailure(step)));
        }
        LocalDateTime start = execution.getStartTime() == null ? execution.getCreateTime() : execution.getStartTime();
        LocalDateTime end = execution.getEndTime() == null ? LocalDateTime.now() : execution.getEndTime();
        ScanMode mode = ScanMode.fromParameters(execution.getJobParameters().getString(ScanMode.FULL),
                execution.getJobParameters().getString(ScanMode.PRUNE),
                execution.getJobParameters().getString(ScanMode.DRY_RUN));
        return new RescanSummary(execution.getId(), execution.getStatus(), mode, outcomes, totals, resumed,
                Duration.between(start, end));
    }

    /** What this execution did itself: the totals less what its restarted partitions resumed from. */
    public ScanCounts ownWork() {
        return totals.minus(resumed);
    }

    private static String firstFailure(StepExecution step) {
        return step.getFailureExceptions().stream().findFirst().map(FailureDescription::of).orElse(null);
    }

    /** Tags this execution went through per second of its own (a restart's resumed tags not included). */
    public double tagsPerSecond() {
        return ownWork().tags() / Math.max(duration.toMillis() / 1000.0, 1e-3);
    }

    /** Human-readable, several lines. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("rescan-images execution %d: %s in %.1f s%s%n", executionId, status,
                duration.toMillis() / 1000.0, mode.dryRun() ? " (dry run: nothing was changed)" : ""));
        long failed = registries.stream().filter(r -> r.status() != BatchStatus.COMPLETED).count();
        out.append(String.format("  registries: %d (%d completed, %d not completed)%n", registries.size(),
                registries.size() - failed, failed));
        for (RegistryOutcome outcome : registries) {
            out.append(String.format("    %s: %s, %d repositories, %d tags, %d records%s%n", outcome.registry(),
                    outcome.status(), outcome.counts().repositories(), outcome.counts().tags(),
                    outcome.counts().records(), outcome.failure() == null ? "" : " - " + outcome.failure()));
        }
        out.append(String.format("  repositories: %d, tags seen: %d, records %s: %d, keys %s: %d%n",
                totals.repositories(), totals.tags(), written(), totals.records(), written(), totals.keys()));
        out.append(String.format("  tags: %d unchanged, %d updated, %d new, %d skipped%s%n", totals.unchanged(),
                totals.updated(), totals.created(), totals.skipped(),
                totals.skippedByReason().isEmpty() ? "" : totals.skippedByReason().entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ", " (", ")"))));
        if (mode.prune()) {
            out.append(String.format("  pruned: %d tag records %s, %d aliases point to them%n", totals.pruned(),
                    mode.dryRun() ? "would be removed" : "removed", totals.orphanedAliases()));
        }
        if (resumed.tags() > 0) {
            out.append(String.format("  resumed after %d tags that an earlier execution went through%n",
                    resumed.tags()));
        }
        out.append(String.format("  rate: %.1f tags/s%n", tagsPerSecond()));
        return out.toString();
    }

    private String written() {
        return mode.dryRun() ? "to write" : "written";
    }
}
