package dev.imagesync.image;

import java.util.Comparator;
import java.util.Objects;

/**
 * One tag of one repository in one configured registry: the natural key of everything rescan-images does,
 * and the restart cursor of its reader. Ordered by registry, then repository, then tag.
 */
public record TagRef(String registry, String repository, String tag) implements Comparable<TagRef> {

    private static final Comparator<TagRef> ORDER = Comparator.comparing(TagRef::registry)
            .thenComparing(TagRef::repository)
            .thenComparing(TagRef::tag);

    public TagRef {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(tag, "tag");
    }

    @Override
    public int compareTo(TagRef other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return registry + "/" + repository + ":" + tag;
    }
}
