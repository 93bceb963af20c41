package dev.imagesync.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.imagesync.etcd.EtcdTree;
import dev.imagesync.etcd.KeyValueStore;
import dev.imagesync.image.SlotUnit;

/** The resource slots the cluster knows and their units: intrinsic {@code cpu} and {@code mem}, plus configured ones. */
public final class ResourceSlots {

    /** Every agent reports these whatever etcd says. */
    public static final Map<String, SlotUnit> INTRINSIC = Map.of("cpu", SlotUnit.COUNT, "mem", SlotUnit.BYTES);

    private final KeyValueStore store;

    public ResourceSlots(KeyValueStore store) {
        this.store = store;
    }

    /** Intrinsic slots overlaid with {@code config/resource_slots/*}, by name. */
    public SortedMap<String, SlotUnit> all() {
        SortedMap<String, SlotUnit> slots = new TreeMap<>(INTRINSIC);
        configured().forEach((slot, unit) -> slots.put(slot, parseUnit(slot, unit)));
        return slots;
    }

    /** The raw configured units, by slot name; may hold invalid units (see {@code validate-config}). */
    public SortedMap<String, String> configured() {
        EtcdTree tree = EtcdTree.fromPrefixRead(CatalogKeys.RESOURCE_SLOTS, store.getPrefix(CatalogKeys.RESOURCE_SLOTS));
        SortedMap<String, String> configured = new TreeMap<>();
        tree.childNames().forEach(slot -> configured.put(slot, tree.text(slot).orElse("")));
        return configured;
    }

    /**
     * Writes the slots whose unit is new or different, in one batch of puts; returns what was written (slot to
     * unit), empty when nothing changed.
     */
    public Map<String, SlotUnit> update(Map<String, SlotUnit> wanted) {
        SortedMap<String, SlotUnit> known = all();
        Map<String, SlotUnit> changed = new LinkedHashMap<>();
        Map<String, String> puts = new TreeMap<>();
        new TreeMap<>(wanted).forEach((slot, unit) -> {
            if (slot.isBlank()) {
                throw new IllegalArgumentException("resource slot name is empty");
            }
            if (known.get(slot) != unit) {
                changed.put(slot, unit);
                puts.put(CatalogKeys.resourceSlot(slot), unit.configValue());
            }
        });
        if (!puts.isEmpty()) {
            store.putAll(puts);
        }
        return changed;
    }

    private static SlotUnit parseUnit(String slot, String unit) {
        try {
            return SlotUnit.fromConfig(unit);
        } catch (IllegalArgumentException invalid) {
            throw new IllegalStateException(CatalogKeys.resourceSlot(slot) + ": " + invalid.getMessage());
        }
    }
}
