package dev.imagesync.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.imagesync.etcd.EtcdTree;
import dev.imagesync.etcd.ImageRecordKeys;
import dev.imagesync.etcd.KeyValueStore;
import dev.imagesync.image.ImageRef;

/**
 * The image records in etcd as operators see them: list, inspect, forget, alias. Reads what rescan-images
 * wrote ({@code images/...}) and joins in aliases and, when Redis answers, installed agents.
 */
public final class ImageCatalog {

    private static final String ALIASES_NODE = "_aliases";

    private final KeyValueStore store;
    private final AliasResolver aliases;
    private final InstalledImages installed;

    public ImageCatalog(KeyValueStore store, AliasResolver aliases, InstalledImages installed) {
        this.store = store;
        this.aliases = aliases;
        this.installed = installed;
    }

    /** Every image record, by registry, repository and tag; installed state as {@link #withInstalled} says. */
    public Listing list() {
        Map<String, List<String>> reverse = aliases.reverseAliases();
        String prefix = ImageRecordKeys.IMAGES;
        EtcdTree images = EtcdTree.fromPrefixRead(prefix, store.getPrefix(prefix));
        List<ImageEntry> entries = new ArrayList<>();
        for (String registry : images.childNames()) {
            if (registry.equals(ALIASES_NODE)) {
                continue;
            }
            EtcdTree repositories = images.child(registry).orElseThrow();
            for (String repository : repositories.childNames()) {
                EtcdTree tags = repositories.child(repository).orElseThrow();
                for (String tag : tags.childNames()) {
                    ImageRef ref = new ImageRef(registry, repository, tag);
                    entries.add(ImageEntryParser.parse(ref, tags.child(tag).orElseThrow(),
                            reverse.getOrDefault(ref.canonical(), List.of())));
                }
            }
        }
        return withInstalled(entries);
    }

    /** One image by alias or reference. */
    public Listing inspect(String aliasOrReference) {
        ImageRef ref = aliases.resolve(aliasOrReference);
        String path = CatalogKeys.tagPath(ref);
        EtcdTree tag = EtcdTree.fromPrefixRead(path, store.getPrefix(path));
        if (tag.isEmpty()) {
            throw new UnknownImageException(aliasOrReference, ref);
        }
        List<String> names = aliases.reverseAliases().getOrDefault(ref.canonical(), List.of());
        return withInstalled(List.of(ImageEntryParser.parse(ref, tag, names)));
    }

    /**
     * Deletes one tag's record, {@code images/{r}/{i}/{tag}} and below, never a sibling tag that merely starts
     * with the same text. Returns the reference and how many keys went.
     */
    public Forgotten forget(String aliasOrReference) {
        ImageRef ref = aliases.resolve(aliasOrReference);
        String path = CatalogKeys.tagPath(ref);
        if (store.get(path).isEmpty() && store.getPrefix(path).isEmpty()) {
            throw new UnknownImageException(aliasOrReference, ref);
        }
        return new Forgotten(ref, store.deletePrefix(path));
    }

    /** Sets {@code alias} to point at {@code target}, which must be a reference (not checked to exist). */
    public void alias(String alias, String target) {
        AliasRules.check(alias, target, aliases::resolve);
        store.put(CatalogKeys.alias(alias), target);
    }

    /** Removes an alias; false when there was none. */
    public boolean dealias(String alias) {
        return store.delete(CatalogKeys.alias(alias)) > 0;
    }

    private Listing withInstalled(List<ImageEntry> entries) {
        InstalledImages.Lookup lookup = installed.lookup(entries.stream().map(ImageEntry::canonical).toList());
        if (!lookup.available()) {
            return new Listing(entries, lookup.problem());
        }
        List<ImageEntry> joined = entries.stream().map(entry -> {
            List<String> agents = lookup.agents().getOrDefault(entry.canonical(), List.of());
            return entry.withInstalled(!agents.isEmpty(), agents);
        }).toList();
        return new Listing(joined, null);
    }

    /**
     * Images and, when Redis did not answer, the warning to show (installed state then unknown).
     *
     * @param images  the entries
     * @param warning null, or one line saying why {@code installed} is unknown
     */
    public record Listing(List<ImageEntry> images, String warning) {
    }

    /** What {@link #forget} removed. */
    public record Forgotten(ImageRef ref, long deletedKeys) {
    }
}
