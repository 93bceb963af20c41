package dev.imagesync.job.rescan;

import dev.imagesync.image.TagRef;

import java.util.concurrent.Future;

/** A tag handed out by the reader, with its inspection, which may still be running. */
record PendingTag(TagRef ref, Future<TagOutcome> outcome) {
}
