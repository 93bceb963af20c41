package dev.imagesync.etcd;

import static dev.imagesync.etcd.EtcdKeyCodec.quote;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.imagesync.image.ImageRecord;
import dev.imagesync.image.TagRef;

/**
 * The etcd keys of an image record, byte for byte as Backend.AI 21.09's manager reads them (CONTRACT.md §1
 * "Image records"). Registry and repository names are quoted; tags, label keys and slot names are not,
 * because the old writer did not quote them either.
 */
public final class ImageRecordKeys {

    /** The root of all image records. */
    public static final String IMAGES = "images";

    private ImageRecordKeys() {
    }

    /** {@code images/{q(registry)}/{q(repository)}}: the key whose value {@code 1} marks the repository. */
    public static String repositoryPath(String registry, String repository) {
        return IMAGES + "/" + quote(registry) + "/" + quote(repository);
    }

    /** {@code images/{q(registry)}/{q(repository)}/{tag}}: the key that holds the config digest. */
    public static String tagPath(TagRef ref) {
        return repositoryPath(ref.registry(), ref.repository()) + "/" + ref.tag();
    }

    /** Every key and value written for one record, sorted by key. Writing them again changes nothing. */
    public static SortedMap<String, String> keysFor(ImageRecord record) {
        SortedMap<String, String> keys = new TreeMap<>();
        keys.put(repositoryPath(record.ref().registry(), record.ref().repository()), "1");
        String tag = tagPath(record.ref());
        keys.put(tag, record.configDigest());
        keys.put(tag + "/size_bytes", Long.toString(record.sizeBytes()));
        for (Map.Entry<String, String> label : record.labels().entrySet()) {
            keys.put(tag + "/labels/" + label.getKey(), label.getValue());
        }
        // 21.09 wrote accels only when the label is truthy in Python: present and not the empty string.
        if (!record.accelerators().isEmpty()) {
            keys.put(tag + "/accels", record.accelerators());
        }
        for (Map.Entry<String, String> minimum : record.resourceMinimums().entrySet()) {
            keys.put(tag + "/resource/" + minimum.getKey() + "/min", minimum.getValue());
        }
        return keys;
    }
}
