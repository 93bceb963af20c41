package dev.imagesync.job.rescan;

import dev.imagesync.image.ImageRecord;
import dev.imagesync.image.SkipReason;
import dev.imagesync.jdbc.TagObservation;
import dev.imagesync.job.rescan.ScanStatistics.Counter;
import dev.imagesync.registry.RegistryException;

/**
 * What inspecting one tag came to, as a value: inspections run ahead of the chunk being written, so what they
 * would count or remember is only applied ({@link TagProcessor}) when the tag's own chunk is processed.
 *
 * @param record     the record to write, or null
 * @param counted    what the tag counts as when it is not skipped: new, updated or unchanged
 * @param skipReason why the tag yields no record, or null
 * @param seen       the digest and outcome to remember once the chunk commits, or null when nothing new was seen
 * @param failure    the registry error that stopped the inspection, or null
 */
record TagOutcome(ImageRecord record, Counter counted, SkipReason skipReason, TagObservation seen,
                  RegistryException failure) {

    static TagOutcome written(ImageRecord record, boolean seenBefore, TagObservation seen) {
        return new TagOutcome(record, seenBefore ? Counter.UPDATED : Counter.NEW, null, seen, null);
    }

    static TagOutcome unchanged(TagObservation seen) {
        return new TagOutcome(null, Counter.UNCHANGED, null, seen, null);
    }

    static TagOutcome skipped(SkipReason reason, TagObservation seen) {
        return new TagOutcome(null, null, reason, seen, null);
    }

    static TagOutcome failed(RegistryException failure) {
        return new TagOutcome(null, null, null, null, failure);
    }
}
