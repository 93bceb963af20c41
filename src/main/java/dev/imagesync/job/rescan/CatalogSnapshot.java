package dev.imagesync.job.rescan;

import dev.imagesync.etcd.EtcdKeyCodec;
import dev.imagesync.etcd.ImageRecordKeys;
import dev.imagesync.etcd.KeyValueStore;
import dev.imagesync.image.KernelImagePolicy;
import dev.imagesync.image.TagRef;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What etcd's catalog holds for a registry, read keys-only a page at a time so that memory does not grow
 * with the catalog: which tags of a repository have records, and which recorded repositories the registry
 * no longer lists.
 */
public class CatalogSnapshot {

    private final KeyValueStore store;
    private final KernelImagePolicy policy;

    public CatalogSnapshot(KeyValueStore store, KernelImagePolicy policy) {
        this.store = store;
        this.policy = policy;
    }

    /** Tags of the repository that have a record ({@code images/{r}/{i}/{tag}} or keys below it). */
    Set<String> recordedTags(String registry, String repository) {
        String path = ImageRecordKeys.repositoryPath(registry, repository);
        Set<String> tags = new HashSet<>();
        store.forEachKeyBelow(path, key -> tags.add(firstComponent(key.substring(path.length() + 1))));
        return tags;
    }

    /**
     * Every recorded tag (and, as a tag-less ref, the marker) of repositories that have records in etcd but
     * are absent from {@code listed}. Repositories the policy does not scan are left alone: imagesync never
     * wrote them.
     */
    List<TagRef> tagsOfUnlistedRepositories(String registry, Set<String> listed) {
        String path = ImageRecordKeys.IMAGES + "/" + EtcdKeyCodec.quote(registry);
        List<TagRef> gone = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        store.forEachKeyBelow(path, key -> {
            String[] components = key.substring(path.length() + 1).split("/", 3);
            String repository = EtcdKeyCodec.unquote(components[0]);
            if (listed.contains(repository) || !policy.isScannedRepository(repository)) {
                return;
            }
            String tag = components.length > 1 ? components[1] : "";
            if (seen.add(repository + "\n" + tag)) {
                gone.add(new TagRef(registry, repository, tag));
            }
        });
        return gone;
    }

    private static String firstComponent(String relative) {
        int slash = relative.indexOf('/');
        return slash < 0 ? relative : relative.substring(0, slash);
    }
}
