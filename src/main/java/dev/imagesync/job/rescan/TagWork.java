package dev.imagesync.job.rescan;

import dev.imagesync.image.TagRef;
import dev.imagesync.jdbc.KnownTag;

/**
 * One tag for the processor, with what the reader learnt about it cheaply, a repository at a time.
 *
 * @param ref           the tag
 * @param listedDigest  its manifest digest when the listing gave it (Harbor v2), else null
 * @param known         what the last scan saw of it, or null (never seen, or a full rescan)
 * @param recordPresent whether etcd holds its record right now
 */
public record TagWork(TagRef ref, String listedDigest, KnownTag known, boolean recordPresent) {
}
