package dev.imagesync.job.rescan;

import dev.imagesync.image.KernelImagePolicy;
import dev.imagesync.image.SkipReason;
import dev.imagesync.image.TagRef;
import dev.imagesync.jdbc.KnownTag;
import dev.imagesync.registry.RegistryNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Walks one registry's repositories and their tags, both in ascending order, handing out each tag with its
 * inspection already running ({@link InspectionWindow}). Restarts from a natural-key cursor (last repository
 * and tag handed out) saved in the step's ExecutionContext at every checkpoint: a live listing can change
 * between runs, so a position by count would be meaningless. Repositories before the cursor are not listed
 * again and tags up to it are not handed out again.
 *
 * <p>Not thread-safe: the step calls {@link #read()} from one thread.
 */
public class RegistryTagReader implements ItemStreamReader<PendingTag> {

    /** Repositories prepared ahead of the one being read: enough to hide their round trips behind fetches. */
    static final int READ_AHEAD = 4;
    static final String CURSOR_REPOSITORY = "cursor.repository";
    static final String CURSOR_TAG = "cursor.tag";
    private static final SkipReason TAG_LIST_NOT_FOUND = new SkipReason("tag list not found");
    private static final Logger log = LoggerFactory.getLogger(RegistryTagReader.class);

    private final RegistryScanSession session;
    private final KernelImagePolicy policy;
    private final CatalogSnapshot catalog;
    private final int concurrency;
    private final int depth;
    private InspectionWindow window;
    private TagRef last;

    /**
     * @param concurrency tags inspected at the same time
     * @param depth       tags inspected ahead of the step: a chunk's worth keeps the registry busy while the
     *                    previous chunk is written
     */
    public RegistryTagReader(RegistryScanSession session, KernelImagePolicy policy, CatalogSnapshot catalog,
                             int concurrency, int depth) {
        this.session = session;
        this.policy = policy;
        this.catalog = catalog;
        this.concurrency = concurrency;
        this.depth = depth;
    }

    @Override
    public void open(ExecutionContext context) {
        session.open(context);
        NavigableSet<String> names = new TreeSet<>();
        for (String name : session.client().listRepositories()) {
            if (policy.isScannedRepository(name)) {
                names.add(name);
            }
        }
        if (session.mode().prune()) {
            session.addPruneCandidates(catalog.tagsOfUnlistedRepositories(session.registryName(), names));
        }
        Iterator<TagWork> resumed = Collections.emptyIterator();
        String cursorRepository = context.getString(CURSOR_REPOSITORY, null);
        if (cursorRepository != null) {
            String cursorTag = context.getString(CURSOR_TAG);
            last = new TagRef(session.registryName(), cursorRepository, cursorTag);
            log.info("Resuming registry '{}' after {}:{}", session.registryName(), cursorRepository, cursorTag);
            if (names.contains(cursorRepository)) {
                resumed = tagsOf(cursorRepository, cursorTag).iterator();
            }
            names = names.tailSet(cursorRepository, false);
        }
        RepositoryReadAhead repositories = new RepositoryReadAhead(names.iterator(),
                repository -> tagsOf(repository, null), READ_AHEAD);
        TagInspector inspector = new TagInspector(session.client(), session.mode(), policy);
        window = new InspectionWindow(resumed, repositories, inspector::inspect, concurrency, depth,
                "tag-fetch-" + session.registryName());
    }

    /** Counts a repository or tag as scanned when it is handed out, not when its inspection starts. */
    @Override
    public PendingTag read() {
        for (InspectionWindow.Next next; (next = window.next()) != null; ) {
            if (next instanceof InspectionWindow.TagAhead ahead) {
                last = ahead.tag().ref();
                session.statistics().increment(ScanStatistics.Counter.TAGS);
                return ahead.tag();
            }
            session.statistics().increment(ScanStatistics.Counter.REPOSITORIES);
        }
        return null;
    }

    /**
     * The repository's tags after {@code after} (all when null), each with its remembered digest. Runs ahead of
     * the step on {@link RepositoryReadAhead}'s threads: everything it touches is thread-safe.
     */
    private List<TagWork> tagsOf(String repository, String after) {
        Optional<Map<String, String>> listedDigests = session.client().listTagDigests(repository);
        NavigableSet<String> names = new TreeSet<>(listedDigests.<Collection<String>>map(Map::keySet)
                .orElseGet(() -> listTags(repository)));
        Set<String> recorded = catalog.recordedTags(session.registryName(), repository);
        if (session.mode().prune()) {
            List<TagRef> gone = new ArrayList<>();
            recorded.stream().filter(tag -> !names.contains(tag))
                    .forEach(tag -> gone.add(new TagRef(session.registryName(), repository, tag)));
            session.addPruneCandidates(gone);
        }
        Map<String, KnownTag> known = session.mode().full() ? Map.of()
                : session.digests().findByRepository(session.registryName(), repository);
        Collection<String> remaining = after == null ? names : names.tailSet(after, false);
        return remaining.stream()
                .map(tag -> new TagWork(new TagRef(session.registryName(), repository, tag),
                        listedDigests.map(digests -> digests.get(tag)).orElse(null), known.get(tag),
                        recorded.contains(tag)))
                .toList();
    }

    private Collection<String> listTags(String repository) {
        try {
            return session.client().listTags(repository);
        } catch (RegistryNotFoundException gone) {
            // The catalog can name repositories whose tags were all deleted; that is not a failed scan.
            log.warn("Skipped repository {} of registry '{}' ({})", repository, session.registryName(),
                    TAG_LIST_NOT_FOUND);
            session.statistics().skipped(TAG_LIST_NOT_FOUND);
            return List.of();
        }
    }

    @Override
    public void update(ExecutionContext context) {
        session.update(context);
        if (last != null) {
            context.putString(CURSOR_REPOSITORY, last.repository());
            context.putString(CURSOR_TAG, last.tag());
        }
    }

    @Override
    public void close() {
        if (window != null) {
            window.close();
            window = null;
        }
        session.close();
    }
}
