package dev.imagesync.testsupport;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.imagesync.etcd.EtcdProperties;
import dev.imagesync.etcd.JetcdKeyValueStore;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;

/**
 * A single-member etcd on loopback, started once per test JVM on first use and stopped at JVM exit.
 * Tests get a {@link JetcdKeyValueStore} on a namespace of their own ({@link #newStore()}) so they never
 * see each other's keys; {@link #rawClient()} reads the cluster without any namespace.
 */
public final class EtcdServer {

    private static EtcdServer shared;

    private final String endpoint;
    private final Client rawClient;

    private EtcdServer(String endpoint, Client rawClient) {
        this.endpoint = endpoint;
        this.rawClient = rawClient;
    }

    /** The JVM's etcd, started on first call (within ~20 s, else the call fails with etcd's log). */
    public static synchronized EtcdServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static EtcdServer start() {
        String etcd = RequiredBinary.locate("etcd", "etcd-server");
        int clientPort = LoopbackPorts.free();
        int peerPort = LoopbackPorts.free();
        String clientUrl = "http://127.0.0.1:" + clientPort;
        String peerUrl = "http://127.0.0.1:" + peerPort;
        Path directory = ServiceProcess.newDirectory("etcd");
        ServiceProcess process = ServiceProcess.start("etcd", directory, List.of(etcd,
                "--name", "test", "--data-dir", directory.resolve("data").toString(),
                "--listen-client-urls", clientUrl, "--advertise-client-urls", clientUrl,
                "--listen-peer-urls", peerUrl, "--initial-advertise-peer-urls", peerUrl,
                "--initial-cluster", "test=" + peerUrl));
        process.awaitReady(Duration.ofSeconds(20), () -> LoopbackPorts.isListening(clientPort));
        Client client = Client.builder().endpoints(clientUrl).waitForReady(false).build();
        Runtime.getRuntime().addShutdownHook(new Thread(client::close, "close-etcd-test-client"));
        process.awaitReady(Duration.ofSeconds(20), () -> answers(client));
        return new EtcdServer(clientUrl, client);
    }

    private static boolean answers(Client client) {
        try {
            client.getKVClient().get(ByteSequence.from("ready-probe", UTF_8)).get(1, TimeUnit.SECONDS);
            return true;
        } catch (Exception notYet) {
            return false;
        }
    }

    /** The client URL, e.g. {@code http://127.0.0.1:40123}. */
    public String endpoint() {
        return endpoint;
    }

    /** A jetcd client with no namespace, shared: for raw keys and revisions. Do not close it. */
    public Client rawClient() {
        return rawClient;
    }

    /** Store properties for this etcd and the given namespace (keys under {@code /sorna/{namespace}/}). */
    public EtcdProperties propertiesFor(String namespace) {
        return EtcdProperties.of(List.of(endpoint), namespace);
    }

    /** A store on a namespace no other test uses; the caller closes it. */
    public JetcdKeyValueStore newStore() {
        return new JetcdKeyValueStore(propertiesFor(randomNamespace()));
    }

    public static String randomNamespace() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The cluster's current revision; every write txn raises it by one. */
    public long revision() {
        return await(rawClient.getKVClient().get(ByteSequence.from("revision-probe", UTF_8))).getHeader().getRevision();
    }

    /** A key's value without any namespace, or null. */
    public String rawGet(String absoluteKey) {
        var kvs = await(rawClient.getKVClient().get(ByteSequence.from(absoluteKey, UTF_8))).getKvs();
        return kvs.isEmpty() ? null : kvs.get(0).getValue().toString(UTF_8);
    }

    /** How many keys the whole cluster holds under an absolute prefix. */
    public long rawCount(String absolutePrefix) {
        GetOption countPrefix = GetOption.builder().isPrefix(true).withCountOnly(true).build();
        return await(rawClient.getKVClient().get(ByteSequence.from(absolutePrefix, UTF_8), countPrefix)).getCount();
    }

    /** Keys under an absolute prefix grouped by the revision that last modified them, keys ascending. */
    public SortedMap<Long, List<String>> rawModRevisions(String absolutePrefix) {
        GetOption prefix = GetOption.builder().isPrefix(true).withKeysOnly(true).build();
        SortedMap<Long, List<String>> byRevision = new TreeMap<>();
        for (var kv : await(rawClient.getKVClient().get(ByteSequence.from(absolutePrefix, UTF_8), prefix)).getKvs()) {
            byRevision.computeIfAbsent(kv.getModRevision(), revision -> new ArrayList<>())
                    .add(kv.getKey().toString(UTF_8));
        }
        return byRevision;
    }

    /** Deletes every key in the cluster, all namespaces. Tests on their own namespace rarely need it. */
    public void wipe() {
        ByteSequence allKeys = ByteSequence.from(new byte[] {0});
        await(rawClient.getKVClient().delete(allKeys, DeleteOption.builder().withRange(allKeys).build()));
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("test etcd did not answer: " + e, e);
        }
    }
}
