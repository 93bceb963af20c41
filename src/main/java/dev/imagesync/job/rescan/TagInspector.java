package dev.imagesync.job.rescan;

import dev.imagesync.image.KernelImagePolicy;
import dev.imagesync.image.SkipReason;
import dev.imagesync.image.TagInspection;
import dev.imagesync.image.TagRef;
import dev.imagesync.jdbc.KnownTag;
import dev.imagesync.jdbc.TagObservation;
import dev.imagesync.registry.ManifestHead;
import dev.imagesync.registry.RegistryClient;
import dev.imagesync.registry.RegistryException;

/**
 * Decides what a tag yields. An incremental scan first compares the tag's current manifest digest (from the
 * listing or a HEAD) with the one remembered from the last scan: when it is the same, the earlier outcome still
 * holds and the manifest and config are not fetched — provided a remembered record is still in etcd. Otherwise
 * the manifest and config are fetched and the kernel policy decides.
 *
 * <p>Only the registry is touched; the result is a {@link TagOutcome} for the processor to apply. Thread-safe:
 * called concurrently for the tags ahead of the step.
 */
final class TagInspector {

    private final RegistryClient client;
    private final ScanMode mode;
    private final KernelImagePolicy policy;

    TagInspector(RegistryClient client, ScanMode mode, KernelImagePolicy policy) {
        this.client = client;
        this.mode = mode;
        this.policy = policy;
    }

    TagOutcome inspect(TagWork work) {
        try {
            return decide(work);
        } catch (RegistryException failure) {
            return TagOutcome.failed(failure);
        }
    }

    private TagOutcome decide(TagWork work) {
        KnownTag known = comparableKnown(work);
        if (known != null) {
            String current = work.listedDigest();
            if (current == null) {
                ManifestHead head = client.headManifest(work.ref().repository(), work.ref().tag());
                if (!head.exists()) {
                    return TagOutcome.skipped(SkipReason.MISSING, null);
                }
                current = head.digest();
            }
            if (known.manifestDigest().equals(current)) {
                if (!known.wasRecord()) {
                    return TagOutcome.skipped(new SkipReason(known.outcome()), null);
                }
                if (work.recordPresent()) {
                    return TagOutcome.unchanged(null);
                }
            }
        }
        return fetch(work, known);
    }

    /** What the last scan saw of the tag, when an incremental scan may trust it: seen under the same policy. */
    private KnownTag comparableKnown(TagWork work) {
        KnownTag known = work.known();
        return !mode.full() && known != null && known.policy().equals(policy.fingerprint()) ? known : null;
    }

    private TagOutcome fetch(TagWork work, KnownTag comparable) {
        TagRef ref = work.ref();
        TagInspection inspection = client.inspect(ref.repository(), ref.tag());
        if (inspection instanceof TagInspection.Skipped skipped) {
            return TagOutcome.skipped(skipped.reason(), seen(ref, inspection.manifestDigest(), skipped.reason().text()));
        }
        KernelImagePolicy.TagDecision decision = policy.decide(ref, ((TagInspection.Found) inspection).metadata());
        if (!decision.accepted()) {
            return TagOutcome.skipped(decision.skipReason(),
                    seen(ref, inspection.manifestDigest(), decision.skipReason().text()));
        }
        TagObservation seen = seen(ref, inspection.manifestDigest(), KnownTag.RECORD);
        if (comparable != null && comparable.wasRecord() && work.recordPresent()
                && comparable.manifestDigest().equals(inspection.manifestDigest())) {
            // A registry that sends no digest on HEAD costs the GETs, but not a rewrite of the same record.
            return TagOutcome.unchanged(seen);
        }
        return TagOutcome.written(decision.record(), work.known() != null || work.recordPresent(), seen);
    }

    private TagObservation seen(TagRef ref, String manifestDigest, String outcome) {
        return manifestDigest == null ? null
                : new TagObservation(ref, new KnownTag(manifestDigest, outcome, policy.fingerprint()));
    }
}
