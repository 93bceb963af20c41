package dev.imagesync.etcd;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;

import java.time.Duration;
import java.util.Optional;

/**
 * Lease-bound keys in Backend.AI's namespace: keys that vanish when their owner stops renewing the lease
 * (process died, network cut). Its own jetcd client, built on first use, so the {@link KeyValueStore} keeps
 * its shape. Every call is bounded by {@link EtcdProperties#timeout()}. Thread-safe.
 */
public final class EtcdLeases implements AutoCloseable {

    private final EtcdProperties properties;
    private final BoundedEtcdCall call;
    private Client client;

    public EtcdLeases(EtcdProperties properties) {
        this.properties = properties;
        this.call = new BoundedEtcdCall(properties);
    }

    /** Grants a lease of {@code ttl} (whole seconds, at least 2) and keeps it alive until revoked. */
    public KeptAliveLease grant(Duration ttl) {
        long seconds = Math.max(2, ttl.toSeconds());
        long id = call.await(client().getLeaseClient().grant(seconds)).getID();
        return new KeptAliveLease(id, Duration.ofSeconds(seconds), client().getLeaseClient(), call).startKeepAlive();
    }

    /**
     * Puts {@code key = value} bound to the lease only if the key does not exist (its create revision is 0),
     * in one compare-and-set transaction. Returns whether this call created it.
     */
    public boolean putIfAbsent(String key, String value, KeptAliveLease lease) {
        ByteSequence k = bytes(key);
        TxnResponse response = call.await(client().getKVClient().txn()
                .If(new Cmp(k, Cmp.Op.EQUAL, CmpTarget.createRevision(0)))
                .Then(Op.put(k, bytes(value), PutOption.builder().withLeaseId(lease.id()).build()))
                .Else(Op.get(k, GetOption.DEFAULT))
                .commit());
        return response.isSucceeded();
    }

    /** Puts {@code key = value} bound to the lease, replacing any value. */
    public void put(String key, String value, KeptAliveLease lease) {
        call.await(client().getKVClient().put(bytes(key), bytes(value),
                PutOption.builder().withLeaseId(lease.id()).build()));
    }

    public Optional<String> get(String key) {
        return call.await(client().getKVClient().get(bytes(key))).getKvs().stream().findFirst()
                .map(kv -> kv.getValue().toString(UTF_8));
    }

    public void delete(String key) {
        call.await(client().getKVClient().delete(bytes(key)));
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    private synchronized Client client() {
        if (client == null) {
            client = JetcdClients.build(properties);
        }
        return client;
    }

    private static ByteSequence bytes(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("etcd key must not be empty");
        }
        return ByteSequence.from(text, UTF_8);
    }
}
