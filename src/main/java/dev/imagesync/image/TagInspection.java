package dev.imagesync.image;

/** The outcome of reading one tag from a registry: its metadata, or the reason it cannot be an image. */
public sealed interface TagInspection {

    record Found(ImageMetadata metadata) implements TagInspection {
    }

    record Skipped(SkipReason reason) implements TagInspection {
    }
}
