package dev.imagesync.job.rescan;

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

    private static final String ALIASES = "images/_aliases";
    private static final Logger log = LoggerFactory.getLogger(RegistryPruner.class);

    private final KeyValueStore store;
    private final RegistryScanSession session;

    public RegistryPruner(KeyValueStore store, RegistryScanSession session) {
        this.store = store;
        this.session = session;
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (!session.mode().prune() || stepExecution.getStatus() != BatchStatus.COMPLETED) {
            return null;
        }
        List<TagRef> gone = session.pruneCandidates().stream().filter(ref -> !ref.tag().isEmpty()).toList();
        boolean dryRun = session.mode().dryRun();
        for (TagRef ref : gone) {
            log.info("{} {} (no longer in the registry)", dryRun ? "dry run: would remove" : "Removed", ref);
        }
        if (!dryRun) {
            store.deleteSubtrees(gone.stream().map(ImageRecordKeys::tagPath).toList());
            session.digests().deleteAll(gone);
            removeEmptyRepositoryMarkers();
        }
        session.statistics().add(Counter.PRUNED, gone.size());
        reportOrphanedAliases(gone);
        session.statistics().saveTo(stepExecution.getExecutionContext());
        return null;
    }

    private void removeEmptyRepositoryMarkers() {
        Set<String> repositories = session.pruneCandidates().stream().map(TagRef::repository)
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

    private void reportOrphanedAliases(List<TagRef> gone) {
        Set<String> removed = gone.stream().map(TagRef::toString).collect(Collectors.toSet());
        for (Map.Entry<String, String> alias : store.getPrefix(ALIASES).entrySet()) {
            if (removed.contains(alias.getValue())) {
                log.warn("Alias {} points to {}, which {}", alias.getKey(), alias.getValue(),
                        session.mode().dryRun() ? "would be removed" : "was removed");
                session.statistics().increment(Counter.ORPHANED_ALIASES);
            }
        }
    }
}
