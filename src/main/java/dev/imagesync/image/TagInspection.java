package dev.imagesync.image;

/**
 * The outcome of reading one tag from a registry: its metadata, or the reason it cannot be an image. Both
 * carry the digest of the manifest the tag points to (a list/index for multi-platform tags) when the registry
 * had one, so that a later scan can tell whether the tag changed.
 */
public sealed interface TagInspection {

    String manifestDigest();

    record Found(ImageMetadata metadata, String manifestDigest) implements TagInspection {
    }

    record Skipped(SkipReason reason, String manifestDigest) implements TagInspection {

        /** A skip with no manifest behind it (the tag is gone). */
        public Skipped(SkipReason reason) {
            this(reason, null);
        }
    }
}
