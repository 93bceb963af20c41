package dev.imagesync.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.imagesync.etcd.EtcdKeyCodec;
import dev.imagesync.etcd.KeyValueStore;
import dev.imagesync.image.ImageRef;
import dev.imagesync.image.InvalidImageReferenceException;

/** Turns aliases into image references and finds the aliases of each image. Stateless; thread-safe. */
public final class AliasResolver {

    /** 21.09 gave up after this many alias-to-alias hops, taking the chain for a loop. */
    public static final int MAX_HOPS = 8;

    private final KeyValueStore store;
    private final KnownRegistries registries;

    public AliasResolver(KeyValueStore store, KnownRegistries registries) {
        this.store = store;
        this.registries = registries;
    }

    /**
     * Follows {@code images/_aliases/{q(text)}} while it names another alias (at most {@link #MAX_HOPS}
     * hops) and parses where it ends as a reference.
     */
    public ImageRef resolve(String aliasOrReference) {
        String current = aliasOrReference;
        for (int hop = 0; ; hop++) {
            var target = store.get(CatalogKeys.alias(current));
            if (target.isEmpty()) {
                return ImageRef.parse(current, registries.names());
            }
            if (hop == MAX_HOPS) {
                throw new AliasLoopException(aliasOrReference, MAX_HOPS);
            }
            current = target.get();
        }
    }

    /**
     * Every alias keyed by the canonical form of its target (or the target as written when it does not
     * parse), aliases in key order. Canonical keys let {@code python:3.9} and
     * {@code index.docker.io/lablup/python:3.9} find the same image, which 21.09's raw-text lookup missed.
     */
    public Map<String, List<String>> reverseAliases() {
        Set<String> known = registries.names();
        Map<String, List<String>> byTarget = new TreeMap<>();
        String prefix = CatalogKeys.ALIASES + "/";
        for (Map.Entry<String, String> alias : store.getPrefix(CatalogKeys.ALIASES).entrySet()) {
            if (!alias.getKey().startsWith(prefix)) {
                continue;
            }
            String name = EtcdKeyCodec.unquote(alias.getKey().substring(prefix.length()));
            byTarget.computeIfAbsent(canonicalOrRaw(alias.getValue(), known), key -> new ArrayList<>()).add(name);
        }
        return byTarget;
    }

    private static String canonicalOrRaw(String target, Set<String> known) {
        try {
            return ImageRef.parse(target, known).canonical();
        } catch (InvalidImageReferenceException notAReference) {
            return target;
        }
    }
}
