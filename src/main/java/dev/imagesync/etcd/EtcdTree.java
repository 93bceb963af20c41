package dev.imagesync.etcd;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * A prefix read as nested maps, the way Backend.AI's {@code make_dict_from_pairs} builds it (CONTRACT.md
 * §1 "Reading a prefix as a tree"): each key below the prefix is split on {@code /}, every component is
 * unquoted, and a node that has both a value and children keeps its own value under the key {@code ""}.
 * The prefix key's own value sits under {@code ""} at the top. Values are {@code String} leaves or nested
 * {@code Map<String, Object>}s, in ascending key order. Immutable once built.
 */
public final class EtcdTree {

    /** The key under which a node that also has children keeps its own value. */
    public static final String OWN_VALUE = "";

    private final Map<String, Object> nodes;

    private EtcdTree(Map<String, Object> nodes) {
        this.nodes = nodes;
    }

    /**
     * Builds the tree from {@link KeyValueStore#getPrefix(String)}'s result for {@code prefix}.
     * Keys outside the prefix, siblings such as {@code prefix-other} included, are ignored; the empty prefix
     * takes every key.
     */
    public static EtcdTree fromPrefixRead(String prefix, SortedMap<String, String> pairs) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Map.Entry<String, String> pair : pairs.entrySet()) {
            String key = pair.getKey();
            if (prefix.isEmpty()) {
                insert(root, key.split("/", -1), pair.getValue());
            } else if (key.equals(prefix)) {
                root.put(OWN_VALUE, pair.getValue());
            } else if (key.startsWith(prefix + "/")) {
                insert(root, key.substring(prefix.length() + 1).split("/", -1), pair.getValue());
            }
        }
        return new EtcdTree(root);
    }

    @SuppressWarnings("unchecked")
    private static void insert(Map<String, Object> root, String[] components, String value) {
        Map<String, Object> parent = root;
        for (int i = 0; i < components.length - 1; i++) {
            String name = EtcdKeyCodec.unquote(components[i]);
            Object child = parent.get(name);
            if (!(child instanceof Map)) {
                Map<String, Object> branch = new LinkedHashMap<>();
                if (child != null) {
                    branch.put(OWN_VALUE, child); // the node had a value before it got children
                }
                parent.put(name, branch);
                child = branch;
            }
            parent = (Map<String, Object>) child;
        }
        String leaf = EtcdKeyCodec.unquote(components[components.length - 1]);
        if (parent.get(leaf) instanceof Map<?, ?> existing) {
            ((Map<String, Object>) existing).put(OWN_VALUE, value);
        } else {
            parent.put(leaf, value);
        }
    }

    /** The nested maps themselves: {@code String} leaves and {@code Map<String, Object>} branches. */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(nodes);
    }

    /** This node's own value (the prefix key's value at the top). */
    public Optional<String> ownValue() {
        return Optional.ofNullable((String) nodes.get(OWN_VALUE));
    }

    /** The names of the children, unquoted, in key order; the own value is not a child. */
    public Set<String> childNames() {
        Set<String> names = new LinkedHashSet<>(nodes.keySet());
        names.remove(OWN_VALUE);
        return Collections.unmodifiableSet(names);
    }

    /** A child's value: the leaf itself, or the own value of a child that has children. */
    public Optional<String> text(String childName) {
        return child(childName).flatMap(EtcdTree::ownValue);
    }

    /** A child as a tree; a leaf child becomes a tree with only its own value. */
    @SuppressWarnings("unchecked")
    public Optional<EtcdTree> child(String childName) {
        Object child = nodes.get(childName);
        if (child == null || OWN_VALUE.equals(childName)) {
            return Optional.empty();
        }
        if (child instanceof Map) {
            return Optional.of(new EtcdTree((Map<String, Object>) child));
        }
        Map<String, Object> leaf = new LinkedHashMap<>();
        leaf.put(OWN_VALUE, child);
        return Optional.of(new EtcdTree(leaf));
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    @Override
    public String toString() {
        return nodes.toString();
    }
}
