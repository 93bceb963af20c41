package dev.imagesync.image;

import java.util.Set;

/** The parsing rules behind {@link ImageRef#parse(String, Set)}, those of Backend.AI 21.09's {@code ImageRef}. */
final class ImageRefParser {

    private static final String DEFAULT_PROJECT = "lablup/";

    private ImageRefParser() {
    }

    static ImageRef parse(String reference, Set<String> knownRegistries) {
        if (reference == null || reference.isBlank()) {
            throw new InvalidImageReferenceException(String.valueOf(reference), "it is empty");
        }
        if (reference.contains("://") || reference.startsWith("//")) {
            throw new InvalidImageReferenceException(reference, "a reference has no protocol scheme");
        }
        if (!reference.equals(reference.strip())) {
            throw new InvalidImageReferenceException(reference, "it has surrounding spaces");
        }
        String registry = ImageRef.DEFAULT_REGISTRY;
        String rest = reference;
        boolean defaultRegistry = true;
        int slash = reference.indexOf('/');
        if (slash > 0 && RegistryNames.isRegistry(reference.substring(0, slash), knownRegistries)) {
            registry = reference.substring(0, slash);
            rest = reference.substring(slash + 1);
            defaultRegistry = false;
        }
        return nameAndTag(reference, registry, rest, defaultRegistry);
    }

    private static ImageRef nameAndTag(String reference, String registry, String rest, boolean defaultRegistry) {
        String name = rest;
        String tag = null;
        int colon = rest.lastIndexOf(':');
        // A colon followed by a slash belongs to the name (a registry port), not to a tag.
        if (colon >= 0 && rest.indexOf('/', colon) < 0) {
            name = rest.substring(0, colon);
            tag = rest.substring(colon + 1);
        }
        if (name.isEmpty()) {
            throw new InvalidImageReferenceException(reference, "the image name is empty");
        }
        if (name.startsWith("/") || name.endsWith("/") || name.contains("//")) {
            throw new InvalidImageReferenceException(reference, "the image name has an empty path component");
        }
        if (defaultRegistry && !name.contains("/")) {
            name = DEFAULT_PROJECT + name;
        }
        if (tag == null || tag.isEmpty()) {
            tag = ImageRef.DEFAULT_TAG;
        } else if (!ImageTags.isValid(tag)) {
            throw new InvalidImageReferenceException(reference, "tag '" + tag
                    + "' is not valid (letters, digits, '.', '_', '-', starting and ending alphanumeric, at most "
                    + ImageTags.MAX_LENGTH + ")");
        }
        return new ImageRef(registry, name, tag);
    }
}
