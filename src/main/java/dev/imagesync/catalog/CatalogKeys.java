package dev.imagesync.catalog;

import static dev.imagesync.etcd.EtcdKeyCodec.quote;

import dev.imagesync.etcd.ImageRecordKeys;
import dev.imagesync.image.ImageRef;

/** The etcd keys of the catalog and of SharedConfig, byte for byte as CONTRACT.md §1 lays them out. */
public final class CatalogKeys {

    public static final String ALIASES = "images/_aliases";
    public static final String RESOURCE_SLOTS = "config/resource_slots";
    public static final String VFOLDER_TYPES = "volumes/_types";
    public static final String MANAGER_STATUS = "manager/status";
    public static final String MANAGER_NODES = "nodes/manager";
    public static final String ALLOW_ORIGINS = "config/api/allow-origins";
    public static final String REDIS_ADDR = "config/redis/addr";
    public static final String REDIS_PASSWORD = "config/redis/password";
    public static final String CONFIG = "config";

    private CatalogKeys() {
    }

    /** {@code images/_aliases/{q(alias)}}. */
    public static String alias(String alias) {
        return ALIASES + "/" + quote(alias);
    }

    /** {@code images/{q(registry)}/{q(name)}/{tag}}: the tag's digest and, below it, its record. */
    public static String tagPath(ImageRef ref) {
        return ImageRecordKeys.tagPath(ref.toTagRef());
    }

    /** {@code …/{tag}/resource/{slot}/min} or {@code …/max}; the slot is not quoted, as rescan writes it. */
    public static String resourceBound(ImageRef ref, String slot, String bound) {
        return tagPath(ref) + "/resource/" + slot + "/" + bound;
    }

    /** {@code config/resource_slots/{q(slot)}}. */
    public static String resourceSlot(String slot) {
        return RESOURCE_SLOTS + "/" + quote(slot);
    }

    /** {@code volumes/{name}/mount/{key}}: neither part is quoted (CONTRACT.md §1). */
    public static String volumeMount(String volume, String key) {
        return "volumes/" + volume + "/mount/" + key;
    }
}
