package dev.imagesync.job.rescan;

import dev.imagesync.image.ImageRecord;
import dev.imagesync.image.SkipReason;
import dev.imagesync.image.TagRef;
import dev.imagesync.registry.RegistryException;
import dev.imagesync.registry.RegistryUnauthorizedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.util.concurrent.ExecutionException;

/**
 * Turns a tag's inspection into an image record, or filters it out ({@code null}) with its reason counted. This
 * is where an inspection that ran ahead starts to count: its counters and the digest to remember are applied
 * here, in the chunk that will commit them.
 *
 * <p>A registry error on one tag (after the transport's retries) skips that tag, up to the configured skip
 * limit per registry; past it, or on an authorization failure that no other tag would escape, the
 * registry's scan fails.
 */
public class TagProcessor implements ItemProcessor<PendingTag, ImageRecord> {

    static final SkipReason REGISTRY_ERROR = new SkipReason("registry error");
    private static final Logger log = LoggerFactory.getLogger(TagProcessor.class);

    private final RegistryScanSession session;
    private final long skipLimit;
    private long failures;

    public TagProcessor(RegistryScanSession session, long skipLimit) {
        this.session = session;
        this.skipLimit = skipLimit;
    }

    @Override
    public ImageRecord process(PendingTag tag) throws InterruptedException {
        TagOutcome outcome = outcomeOf(tag);
        if (outcome.failure() != null) {
            return failed(tag.ref(), outcome.failure());
        }
        if (outcome.seen() != null) {
            session.observe(outcome.seen());
        }
        if (outcome.skipReason() != null) {
            return skip(tag.ref(), outcome.skipReason());
        }
        session.statistics().increment(outcome.counted());
        return outcome.record();
    }

    private static TagOutcome outcomeOf(PendingTag tag) throws InterruptedException {
        try {
            return tag.outcome().get();
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("inspecting " + tag.ref() + " failed", failed.getCause());
        }
    }

    private ImageRecord failed(TagRef ref, RegistryException failure) {
        if (failure instanceof RegistryUnauthorizedException) {
            throw failure;
        }
        if (++failures > skipLimit) {
            throw new SkipLimitExceededException(session.registryName(), skipLimit, failure);
        }
        log.warn("Skipped image - {}:{} ({}: {})", ref.repository(), ref.tag(), REGISTRY_ERROR, failure.getMessage());
        return skip(ref, REGISTRY_ERROR);
    }

    private ImageRecord skip(TagRef tag, SkipReason reason) {
        log.info("Skipped image - {}:{} ({})", tag.repository(), tag.tag(), reason);
        session.statistics().skipped(reason);
        return null;
    }
}
