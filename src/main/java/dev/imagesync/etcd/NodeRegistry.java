package dev.imagesync.etcd;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Which imagesync instances are alive: each registers a JSON {@link NodeInfo} under
 * {@code nodes/imagesync/{id}} bound to its process lease, so the entry disappears within one TTL of its
 * process dying.
 */
public final class NodeRegistry {

    public static final String PREFIX = "nodes/imagesync";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EtcdLeases leases;
    private final KeyValueStore store;

    public NodeRegistry(EtcdLeases leases, KeyValueStore store) {
        this.leases = leases;
        this.store = store;
    }

    public void register(NodeInfo node, KeptAliveLease lease) {
        try {
            leases.put(PREFIX + "/" + EtcdKeyCodec.quote(node.id()), JSON.writeValueAsString(node), lease);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The registered instances, by id. Entries that are not valid JSON are left out. */
    public List<NodeInfo> list() {
        return store.getPrefix(PREFIX).entrySet().stream()
                .filter(entry -> !entry.getKey().equals(PREFIX))
                .map(entry -> parse(entry.getValue()))
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private static NodeInfo parse(String json) {
        try {
            return JSON.readValue(json, NodeInfo.class);
        } catch (IOException notNode) {
            return null;
        }
    }
}
