package dev.imagesync.jdbc;

import dev.imagesync.image.TagRef;

/** A tag's manifest digest and outcome as one scan saw them, to be remembered at the chunk's checkpoint. */
public record TagObservation(TagRef ref, KnownTag known) {
}
