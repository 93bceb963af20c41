package dev.imagesync.catalog;

import java.util.function.Function;

import dev.imagesync.image.ImageRef;

/** What makes an alias acceptable, shared by the {@code alias} command and the import's per-entry checks. */
public final class AliasRules {

    private AliasRules() {
    }

    /**
     * The reason {@code alias → target} is not acceptable, or null: an empty alias or target, an alias that
     * targets itself, a target that is not a reference.
     */
    public static String problem(String alias, String target, java.util.Set<String> knownRegistries) {
        if (alias == null || alias.isBlank()) {
            return "alias is empty";
        }
        if (target == null || target.isBlank()) {
            return "target of alias '" + alias + "' is empty";
        }
        if (alias.equals(target)) {
            return "alias '" + alias + "' targets itself";
        }
        try {
            ImageRef.parse(target, knownRegistries);
            return null;
        } catch (IllegalArgumentException invalid) {
            return "target of alias '" + alias + "': " + invalid.getMessage();
        }
    }

    static void check(String alias, String target, Function<String, ImageRef> resolve) {
        if (alias == null || alias.isBlank()) {
            throw new IllegalArgumentException("alias is empty");
        }
        if (alias.equals(target)) {
            throw new IllegalArgumentException("alias '" + alias + "' targets itself");
        }
        resolve.apply(target); // a reference or an alias chain ending in one; throws naming the target if not
    }
}
