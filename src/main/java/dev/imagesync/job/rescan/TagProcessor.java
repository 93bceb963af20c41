package dev.imagesync.job.rescan;

import dev.imagesync.image.ImageRecord;
import dev.imagesync.image.KernelImagePolicy;
import dev.imagesync.image.SkipReason;
import dev.imagesync.image.TagInspection;
import dev.imagesync.image.TagRef;
import dev.imagesync.jdbc.KnownTag;
import dev.imagesync.jdbc.TagObservation;
import dev.imagesync.job.rescan.ScanStatistics.Counter;
import dev.imagesync.registry.ManifestHead;
import dev.imagesync.registry.RegistryException;
import dev.imagesync.registry.RegistryUnauthorizedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns a tag into an image record, or filters it out ({@code null}) with its reason counted. An incremental
 * scan first compares the tag's current manifest digest (from the listing or a HEAD) with the one remembered
 * from the last scan: when it is the same, the earlier outcome still holds and the manifest and config are
 * not fetched — provided a remembered record is still in etcd. Thread-safe: called concurrently for the tags
 * of one chunk.
 *
 * <p>A registry error on one tag (after the transport's retries) skips that tag, up to the configured skip
 * limit per registry; past it, or on an authorization failure that no other tag would escape, the
 * registry's scan fails.
 */
public class TagProcessor implements ItemProcessor<TagWork, ImageRecord> {

    static final SkipReason REGISTRY_ERROR = new SkipReason("registry error");
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
    public ImageRecord process(TagWork work) throws InterruptedException {
        session.fetchPermits().acquire();
        try {
            return decide(work);
        } catch (RegistryUnauthorizedException unauthorized) {
            throw unauthorized;
        } catch (RegistryException failure) {
            if (failures.incrementAndGet() > skipLimit) {
                throw new SkipLimitExceededException(session.registryName(), skipLimit, failure);
            }
            log.warn("Skipped image - {}:{} ({}: {})", work.ref().repository(), work.ref().tag(), REGISTRY_ERROR,
                    failure.getMessage());
            return skip(work.ref(), REGISTRY_ERROR);
        } finally {
            session.fetchPermits().release();
        }
    }

    private ImageRecord decide(TagWork work) {
        KnownTag known = work.known();
        if (!session.mode().full() && known != null && known.policy().equals(policy.fingerprint())) {
            String current = work.listedDigest();
            if (current == null) {
                ManifestHead head = session.client().headManifest(work.ref().repository(), work.ref().tag());
                if (!head.exists()) {
                    return skip(work.ref(), SkipReason.MISSING);
                }
                current = head.digest();
            }
            if (known.manifestDigest().equals(current)) {
                if (!known.wasRecord()) {
                    return skip(work.ref(), new SkipReason(known.outcome()));
                }
                if (work.recordPresent()) {
                    session.statistics().increment(Counter.UNCHANGED);
                    return null;
                }
            }
        }
        return inspect(work);
    }

    private ImageRecord inspect(TagWork work) {
        TagRef ref = work.ref();
        TagInspection inspection = session.client().inspect(ref.repository(), ref.tag());
        if (inspection instanceof TagInspection.Skipped skipped) {
            remember(ref, inspection.manifestDigest(), skipped.reason().text());
            return skip(ref, skipped.reason());
        }
        KernelImagePolicy.TagDecision decision = policy.decide(ref, ((TagInspection.Found) inspection).metadata());
        if (!decision.accepted()) {
            remember(ref, inspection.manifestDigest(), decision.skipReason().text());
            return skip(ref, decision.skipReason());
        }
        remember(ref, inspection.manifestDigest(), KnownTag.RECORD);
        if (unchangedRecord(work, inspection.manifestDigest())) {
            // A registry that sends no digest on HEAD costs the GETs, but not a rewrite of the same record.
            session.statistics().increment(Counter.UNCHANGED);
            return null;
        }
        boolean seenBefore = work.known() != null || work.recordPresent();
        session.statistics().increment(seenBefore ? Counter.UPDATED : Counter.NEW);
        return decision.record();
    }

    private boolean unchangedRecord(TagWork work, String manifestDigest) {
        KnownTag known = work.known();
        return !session.mode().full() && known != null && known.wasRecord() && work.recordPresent()
                && known.policy().equals(policy.fingerprint()) && known.manifestDigest().equals(manifestDigest);
    }

    private void remember(TagRef ref, String manifestDigest, String outcome) {
        if (manifestDigest != null) {
            session.observe(new TagObservation(ref, new KnownTag(manifestDigest, outcome, policy.fingerprint())));
        }
    }

    private ImageRecord skip(TagRef tag, SkipReason reason) {
        log.info("Skipped image - {}:{} ({})", tag.repository(), tag.tag(), reason);
        session.statistics().skipped(reason);
        return null;
    }
}
