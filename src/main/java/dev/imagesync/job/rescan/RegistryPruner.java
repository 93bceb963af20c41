package dev.imagesync.job.rescan;

import dev.imagesync.catalog.AliasResolver;
import dev.imagesync.etcd.ImageRecordKeys;
import dev.imagesync.etcd.KeyValueStore;
import dev.imagesync.image.TagRef;
import dev.imagesync.job.rescan.ScanStatistics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * With {@code prune}, removes the records of tags the registry no longer has, once the registry's partition
 * has completed — so never for a registry whose listing failed or that was not scanned. Removes a
 * repository's marker when no tag of it is left, and reports (never deletes) aliases that pointed to a removed
 * tag. A dry run only reports.
 */
public class RegistryPruner implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RegistryPruner.class);

    private final KeyValueStore store;
    private final AliasResolver aliases;
    private final RegistryScanSession session;

    public RegistryPruner(KeyValueStore store, AliasResolver aliases, RegistryScanSession session) {
        this.store = store;
        this.aliases = aliases;
        this.session = session;
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (!session.mode().prune() || stepExecution.getStatus() != BatchStatus.COMPLETED) {
            return null;
        }
        List<TagRef> candidates = session.pruneCandidates();
        List<TagRef> gone = candidates.stream().filter(ref -> !ref.tag().isEmpty()).toList();
        boolean dryRun = session.mode().dryRun();
        for (TagRef ref : gone) {
            log.info("{} {} (no longer in the registry)", dryRun ? "dry run: would remove" : "Removed", ref);
        }
        if (!dryRun) {
            store.deleteSubtrees(gone.stream().map(ImageRecordKeys::tagPath).toList());
            session.digests().deleteAll(gone);
            removeEmptyRepositoryMarkers(candidates);
        }
        session.statistics().add(Counter.PRUNED, gone.size());
        reportOrphanedAliases(gone);
        session.statistics().saveTo(stepExecution.getExecutionContext());
        return null;
    }

    /** Candidates include tag-less refs for the markers of repositories gone from the listing. */
    private void removeEmptyRepositoryMarkers(List<TagRef> candidates) {
        Set<String> repositories = candidates.stream().map(TagRef::repository)
                .collect(Collectors.toCollection(TreeSet::new));
        for (String repository : repositories) {
            String path = ImageRecordKeys.repositoryPath(session.registryName(), repository);
            AtomicBoolean tagsLeft = new AtomicBoolean();
            store.forEachKeyBelow(path, key -> tagsLeft.set(true));
            if (!tagsLeft.get() && store.delete(path) > 0) {
                log.info("Removed repository marker {} (no tags left)", path);
            }
        }
    }

    /** Matches on canonical references, so an alias written as a short form is found too. */
    private void reportOrphanedAliases(List<TagRef> gone) {
        if (gone.isEmpty()) {
            return;
        }
        Map<String, List<String>> byTarget = aliases.reverseAliases();
        for (TagRef ref : gone) {
            for (String alias : byTarget.getOrDefault(ref.toString(), List.of())) {
                log.warn("Alias {} points to {}, which {}", alias, ref,
                        session.mode().dryRun() ? "would be removed" : "was removed");
                session.statistics().increment(Counter.ORPHANED_ALIASES);
            }
        }
    }
}
