package dev.imagesync.catalog;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.imagesync.etcd.EtcdTree;
import dev.imagesync.etcd.KeyValueStore;
import dev.imagesync.image.ImageRef;
import dev.imagesync.image.LimitRangeInput;
import dev.imagesync.image.SlotQuantity;
import dev.imagesync.image.SlotRange;
import dev.imagesync.image.SlotUnit;

/** Per-image resource limits: setting them, and the min/max per known slot the scheduler works with. */
public final class ImageResourceLimits {

    private final KeyValueStore store;
    private final AliasResolver aliases;
    private final ResourceSlots slots;

    public ImageResourceLimits(KeyValueStore store, AliasResolver aliases, ResourceSlots slots) {
        this.store = store;
        this.aliases = aliases;
        this.slots = slots;
    }

    /**
     * Sets {@code resource/{slot}/min} and/or {@code /max} from {@code MIN:MAX}; an empty side is left as it
     * is. The image must exist and the slot must be known; values are checked in the slot's unit and stored as
     * typed. Returns the keys written.
     */
    public SortedMap<String, String> set(String aliasOrReference, String slot, String range) {
        ImageRef ref = requireImage(aliasOrReference);
        SlotUnit unit = slots.all().get(slot);
        if (unit == null) {
            throw new IllegalArgumentException("unknown resource slot '" + slot + "' (known: "
                    + String.join(", ", slots.all().keySet()) + "; add it with update-resource-slots)");
        }
        LimitRangeInput input = LimitRangeInput.parse(range, unit);
        SortedMap<String, String> puts = new TreeMap<>();
        if (input.min() != null) {
            puts.put(CatalogKeys.resourceBound(ref, slot, "min"), input.min());
        }
        if (input.max() != null) {
            puts.put(CatalogKeys.resourceBound(ref, slot, "max"), input.max());
        }
        store.putAll(puts);
        return puts;
    }

    /**
     * Min and max per known slot: stored bounds parsed in the slot's unit (bytes with binary suffixes), slots
     * the cluster does not know ignored, missing bounds 0 and unlimited.
     */
    public SortedMap<String, SlotRange> slotRanges(String aliasOrReference) {
        ImageRef ref = requireImage(aliasOrReference);
        String resourcePrefix = CatalogKeys.tagPath(ref) + "/resource";
        EtcdTree resource = EtcdTree.fromPrefixRead(resourcePrefix, store.getPrefix(resourcePrefix));
        SortedMap<String, SlotRange> ranges = new TreeMap<>();
        for (Map.Entry<String, SlotUnit> slot : slots.all().entrySet()) {
            EtcdTree stored = resource.child(slot.getKey()).orElse(null);
            ranges.put(slot.getKey(), stored == null ? SlotRange.UNBOUNDED : new SlotRange(
                    bound(ref, slot, stored, "min", SlotQuantity.ZERO),
                    bound(ref, slot, stored, "max", SlotQuantity.UNLIMITED)));
        }
        return ranges;
    }

    private static SlotQuantity bound(ImageRef ref, Map.Entry<String, SlotUnit> slot, EtcdTree stored, String which,
                                      SlotQuantity absent) {
        return stored.text(which).map(text -> {
            try {
                return SlotQuantity.parse(text, slot.getValue());
            } catch (IllegalArgumentException corrupt) {
                throw new IllegalStateException("image " + ref.canonical() + ": resource/" + slot.getKey() + "/"
                        + which + " " + corrupt.getMessage());
            }
        }).orElse(absent);
    }

    private ImageRef requireImage(String aliasOrReference) {
        ImageRef ref = aliases.resolve(aliasOrReference);
        if (store.get(CatalogKeys.tagPath(ref)).isEmpty()) {
            throw new UnknownImageException(aliasOrReference, ref);
        }
        return ref;
    }
}
