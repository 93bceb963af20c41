package dev.imagesync.image;

import java.util.Objects;
import java.util.Set;

/**
 * A reference to one tag of one image in one registry, as Backend.AI 21.09 resolves it: the registry is
 * either named first or {@code index.docker.io}; the tag defaults to {@code latest}. Parse text with
 * {@link #parse(String, Set)}; the canonical form {@code {registry}/{name}:{tag}} is what Redis keys and
 * alias targets use.
 *
 * @param registry the registry name (a configured one, {@code index.docker.io} or an IP address with port)
 * @param name     the repository path inside the registry, e.g. {@code lablup/python}
 * @param tag      the tag, matching {@link ImageTags#isValid(String)}
 */
public record ImageRef(String registry, String name, String tag) {

    public static final String DEFAULT_REGISTRY = "index.docker.io";
    public static final String DEFAULT_TAG = "latest";

    public ImageRef {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tag, "tag");
    }

    /**
     * Parses a reference; {@code knownRegistries} are the registry names configured in etcd, which decide
     * whether the first path component names a registry.
     *
     * @throws InvalidImageReferenceException naming the text and the problem
     */
    public static ImageRef parse(String reference, Set<String> knownRegistries) {
        return ImageRefParser.parse(reference, knownRegistries);
    }

    /** {@code {registry}/{name}:{tag}}. */
    public String canonical() {
        return registry + "/" + name + ":" + tag;
    }

    public TagRef toTagRef() {
        return new TagRef(registry, name, tag);
    }

    @Override
    public String toString() {
        return canonical();
    }
}
