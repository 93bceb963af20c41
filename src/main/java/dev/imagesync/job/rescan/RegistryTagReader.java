package dev.imagesync.job.rescan;

import dev.imagesync.image.KernelImagePolicy;
import dev.imagesync.image.SkipReason;
import dev.imagesync.image.TagRef;
import dev.imagesync.registry.RegistryNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Walks one registry's repositories and their tags, both in ascending order. Restarts from a natural-key
 * cursor (last repository and tag handed out) saved in the step's ExecutionContext at every checkpoint:
 * a live listing can change between runs, so a position by count would be meaningless. Repositories before
 * the cursor are not listed again and tags up to it are not handed out again.
 *
 * <p>Not thread-safe: the step calls {@link #read()} from one thread.
 */
public class RegistryTagReader implements ItemStreamReader<TagRef> {

    static final String CURSOR_REPOSITORY = "cursor.repository";
    static final String CURSOR_TAG = "cursor.tag";
    private static final SkipReason TAG_LIST_NOT_FOUND = new SkipReason("tag list not found");
    private static final Logger log = LoggerFactory.getLogger(RegistryTagReader.class);

    private final RegistryScanSession session;
    private final KernelImagePolicy policy;
    private Iterator<String> repositories = Collections.emptyIterator();
    private Iterator<String> tags = Collections.emptyIterator();
    private String repository;
    private TagRef last;

    public RegistryTagReader(RegistryScanSession session, KernelImagePolicy policy) {
        this.session = session;
        this.policy = policy;
    }

    @Override
    public void open(ExecutionContext context) {
        session.open(context);
        TreeSet<String> names = new TreeSet<>();
        for (String name : session.client().listRepositories()) {
            if (policy.isScannedRepository(name)) {
                names.add(name);
            }
        }
        String cursorRepository = context.getString(CURSOR_REPOSITORY, null);
        if (cursorRepository == null) {
            repositories = names.iterator();
            return;
        }
        String cursorTag = context.getString(CURSOR_TAG);
        last = new TagRef(session.registryName(), cursorRepository, cursorTag);
        log.info("Resuming registry '{}' after {}:{}", session.registryName(), cursorRepository, cursorTag);
        repositories = names.tailSet(cursorRepository, false).iterator();
        if (names.contains(cursorRepository)) {
            repository = cursorRepository;
            tags = new TreeSet<>(listTags(cursorRepository)).tailSet(cursorTag, false).iterator();
        }
    }

    @Override
    public TagRef read() {
        while (!tags.hasNext()) {
            if (!repositories.hasNext()) {
                return null;
            }
            repository = repositories.next();
            session.statistics().repositoryListed();
            tags = new TreeSet<>(listTags(repository)).iterator();
        }
        last = new TagRef(session.registryName(), repository, tags.next());
        session.statistics().tagSeen();
        return last;
    }

    private List<String> listTags(String name) {
        try {
            return session.client().listTags(name);
        } catch (RegistryNotFoundException gone) {
            // The catalog can name repositories whose tags were all deleted; that is not a failed scan.
            log.warn("Skipped repository {} of registry '{}' ({})", name, session.registryName(), TAG_LIST_NOT_FOUND);
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
        session.close();
    }
}
