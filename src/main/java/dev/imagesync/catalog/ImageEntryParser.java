package dev.imagesync.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.imagesync.etcd.EtcdTree;
import dev.imagesync.image.ImageRef;
import dev.imagesync.image.SlotQuantity;

/** Reads one tag's subtree ({@code images/{r}/{i}/{tag}} as an {@link EtcdTree}) into an {@link ImageEntry}. */
final class ImageEntryParser {

    private ImageEntryParser() {
    }

    static ImageEntry parse(ImageRef ref, EtcdTree tag, List<String> aliases) {
        return new ImageEntry(ref.name(), ref.tag(), ref.registry(), tag.ownValue().orElse(""),
                labels(tag), List.copyOf(aliases), sizeBytes(ref, tag), limits(tag), accelerators(tag), null, null);
    }

    private static Map<String, String> labels(EtcdTree tag) {
        Map<String, String> labels = new LinkedHashMap<>();
        tag.child("labels").ifPresent(tree -> tree.childNames()
                .forEach(label -> labels.put(label, tree.text(label).orElse(""))));
        return labels;
    }

    private static long sizeBytes(ImageRef ref, EtcdTree tag) {
        String text = tag.text("size_bytes").orElse("0").strip();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException corrupt) {
            throw new IllegalStateException("image " + ref.canonical() + ": size_bytes '" + text + "' is not a number");
        }
    }

    private static List<ImageEntry.ResourceLimit> limits(EtcdTree tag) {
        List<ImageEntry.ResourceLimit> limits = new ArrayList<>();
        tag.child("resource").ifPresent(resource -> resource.childNames().forEach(slot -> {
            EtcdTree range = resource.child(slot).orElseThrow();
            limits.add(new ImageEntry.ResourceLimit(slot, range.text("min").orElse(SlotQuantity.ZERO.toString()),
                    range.text("max").orElse(SlotQuantity.UNLIMITED.toString())));
        }));
        return limits;
    }

    // The contract's key is "accels"; 21.09's reader looked for "accelerators" and so never found any.
    private static List<String> accelerators(EtcdTree tag) {
        return tag.text("accels")
                .map(text -> Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }
}
