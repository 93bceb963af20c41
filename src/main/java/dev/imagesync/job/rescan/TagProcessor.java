package dev.imagesync.job.rescan;

import dev.imagesync.image.ImageRecord;
import dev.imagesync.image.KernelImagePolicy;
import dev.imagesync.image.SkipReason;
import dev.imagesync.image.TagInspection;
import dev.imagesync.image.TagRef;
import dev.imagesync.registry.RegistryException;
import dev.imagesync.registry.RegistryUnauthorizedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads a tag's manifest and config and turns it into an image record, or filters it out ({@code null}) with
 * its reason counted. Thread-safe: called concurrently for the tags of one chunk.
 *
 * <p>A registry error on one tag (after the transport's retries) skips that tag, up to the configured skip
 * limit per registry; past it, or on an authorization failure that no other tag would escape, the
 * registry's scan fails.
 */
public class TagProcessor implements ItemProcessor<TagRef, ImageRecord> {

    private static final Logger log = LoggerFactory.getLogger(TagProcessor.class);

    private final RegistryScanSession session;
    private final KernelImagePolicy policy;
    private final long skipLimit;
    private final AtomicLong failures = new AtomicLong();

    public TagProcessor(RegistryScanSession session, KernelImagePolicy policy, long skipLimit) {
        this.session = session;
        this.policy = policy;
        this.skipLimit = skipLimit;
    }

    @Override
    public ImageRecord process(TagRef tag) throws InterruptedException {
        TagInspection inspection = inspect(tag);
        if (inspection instanceof TagInspection.Skipped skipped) {
            return skip(tag, skipped.reason());
        }
        KernelImagePolicy.TagDecision decision = policy.decide(tag, ((TagInspection.Found) inspection).metadata());
        if (!decision.accepted()) {
            return skip(tag, decision.skipReason());
        }
        return decision.record();
    }

    private TagInspection inspect(TagRef tag) throws InterruptedException {
        session.fetchPermits().acquire();
        try {
            return session.client().inspect(tag.repository(), tag.tag());
        } catch (RegistryUnauthorizedException unauthorized) {
            throw unauthorized;
        } catch (RegistryException failure) {
            if (failures.incrementAndGet() > skipLimit) {
                throw new SkipLimitExceededException(session.registryName(), skipLimit, failure);
            }
            log.warn("Skipped image - {}:{} ({})", tag.repository(), tag.tag(), failure.getMessage());
            return new TagInspection.Skipped(new SkipReason("registry error"));
        } finally {
            session.fetchPermits().release();
        }
    }

    private ImageRecord skip(TagRef tag, SkipReason reason) {
        log.info("Skipped image - {}:{} ({})", tag.repository(), tag.tag(), reason);
        session.statistics().skipped(reason);
        return null;
    }
}
