package dev.imagesync.etcd;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.kv.DeleteResponse;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;

/**
 * {@link KeyValueStore} on one jetcd {@link Client} with Backend.AI's namespace applied once. The client is
 * built on first use, so commands that never touch etcd never connect. Every call is bounded by
 * {@link EtcdProperties#timeout()}. Thread-safe.
 *
 * <p>The empty prefix means the whole namespace: {@code getPrefix("")} reads and {@code deletePrefix("")}
 * deletes every key under {@code /sorna/{namespace}/}.
 */
public final class JetcdKeyValueStore implements KeyValueStore, AutoCloseable {

    private static final GetOption PREFIX_GET = GetOption.builder().isPrefix(true).build();
    private static final DeleteOption PREFIX_DELETE = DeleteOption.builder().isPrefix(true).build();

    private final EtcdProperties properties;
    private final BoundedEtcdCall call;
    private Client client;

    public JetcdKeyValueStore(EtcdProperties properties) {
        this.properties = properties;
        this.call = new BoundedEtcdCall(properties);
    }

    public EtcdProperties properties() {
        return properties;
    }

    @Override
    public Optional<String> get(String key) {
        GetResponse response = call.await(kv().get(bytes(requireKey(key))));
        return response.getKvs().stream().findFirst().map(kv -> kv.getValue().toString(UTF_8));
    }

    @Override
    public SortedMap<String, String> getPrefix(String prefix) {
        SortedMap<String, String> found = new TreeMap<>();
        if (prefix.isEmpty()) {
            collect(call.await(kv().get(ByteSequence.EMPTY, PREFIX_GET)), found);
            return found;
        }
        // One txn, so the key itself and its subtree are read at the same revision.
        TxnResponse response = call.await(kv().txn()
                .Then(Op.get(bytes(prefix), GetOption.DEFAULT), Op.get(bytes(prefix + "/"), PREFIX_GET))
                .commit());
        response.getGetResponses().forEach(get -> collect(get, found));
        return found;
    }

    @Override
    public void put(String key, String value) {
        call.await(kv().put(bytes(requireKey(key)), bytes(value)));
    }

    @Override
    public int putAll(Map<String, String> pairs) {
        int written = 0;
        for (SortedMap<String, String> batch : EtcdTransactions.putBatches(pairs)) {
            Op[] puts = batch.entrySet().stream()
                    .map(pair -> Op.put(bytes(requireKey(pair.getKey())), bytes(pair.getValue()), PutOption.DEFAULT))
                    .toArray(Op[]::new);
            call.await(kv().txn().Then(puts).commit());
            written += batch.size();
        }
        return written;
    }

    @Override
    public long delete(String key) {
        return call.await(kv().delete(bytes(requireKey(key)))).getDeleted();
    }

    @Override
    public long deletePrefix(String prefix) {
        if (prefix.isEmpty()) {
            return call.await(kv().delete(ByteSequence.EMPTY, PREFIX_DELETE)).getDeleted();
        }
        TxnResponse response = call.await(kv().txn()
                .Then(Op.delete(bytes(prefix), DeleteOption.DEFAULT), Op.delete(bytes(prefix + "/"), PREFIX_DELETE))
                .commit());
        return response.getDeleteResponses().stream().mapToLong(DeleteResponse::getDeleted).sum();
    }

    /**
     * Deletes the given keys (not prefixes), sorted, in transactions of at most {@link EtcdTransactions#MAX_OPS}.
     * Returns how many existed.
     */
    public long deleteAll(List<String> keys) {
        long deleted = 0;
        for (List<String> batch : EtcdTransactions.deleteBatches(keys)) {
            Op[] deletes = batch.stream()
                    .map(key -> Op.delete(bytes(requireKey(key)), DeleteOption.DEFAULT))
                    .toArray(Op[]::new);
            TxnResponse response = call.await(kv().txn().Then(deletes).commit());
            deleted += response.getDeleteResponses().stream().mapToLong(DeleteResponse::getDeleted).sum();
        }
        return deleted;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    private synchronized KV kv() {
        if (client == null) {
            client = JetcdClients.build(properties);
        }
        return client.getKVClient();
    }

    private static void collect(GetResponse response, SortedMap<String, String> into) {
        for (KeyValue kv : response.getKvs()) {
            into.put(kv.getKey().toString(UTF_8), kv.getValue().toString(UTF_8));
        }
    }

    private static String requireKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("etcd key must not be empty");
        }
        return key;
    }

    private static ByteSequence bytes(String text) {
        return ByteSequence.from(text, UTF_8);
    }
}
