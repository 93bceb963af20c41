package dev.imagesync.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.imagesync.testsupport.EtcdServer;
import dev.imagesync.testsupport.LocalServices;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real etcd from the test harness, each test on a namespace of its own. */
class JetcdKeyValueStoreTest {

    private final EtcdServer etcd = LocalServices.etcd();
    @AutoClose
    private JetcdKeyValueStore store;

    @BeforeEach
    void openStore() {
        store = etcd.newStore();
    }

    @Test
    void putThenGet_roundTripsUtf8() {
        store.put("config/한글", "값 value");

        assertThat(store.get("config/한글")).contains("값 value");
        assertThat(store.get("config/absent")).isEmpty();
    }

    @Test
    void getPrefix_returnsTheKeyAndItsSubtree_butNoSiblings() {
        store.putAll(Map.of("images/reg", "r", "images/reg/b", "2", "images/reg/a/x", "1",
                "images/reg-other", "sibling", "images/reg-other/a", "sibling", "images/regx", "sibling"));

        assertThat(store.getPrefix("images/reg")).containsExactly(
                Map.entry("images/reg", "r"), Map.entry("images/reg/a/x", "1"), Map.entry("images/reg/b", "2"));
    }

    @Test
    void getPrefix_ofEmptyString_readsTheWholeNamespace() {
        store.putAll(Map.of("a", "1", "b/c", "2"));

        assertThat(store.getPrefix("")).containsExactly(Map.entry("a", "1"), Map.entry("b/c", "2"));
    }

    @Test
    void getPrefix_readsSubtreesLargerThanOnePage() {
        Map<String, String> pairs = new TreeMap<>();
        pairs.put("big", "root");
        for (int i = 0; i < JetcdKeyValueStore.PAGE_SIZE * 2 + 500; i++) {
            pairs.put(String.format("big/k%05d", i), "v" + i);
        }
        store.putAll(pairs);
        store.putAll(Map.of("big-sibling", "x", "big0", "y"));

        assertThat(store.getPrefix("big")).isEqualTo(pairs);
        assertThat(store.getPrefix("")).hasSize(pairs.size() + 2);
    }

    @Test
    void putAll_of40Keys_writesThreeTransactions() {
        Map<String, String> pairs = new TreeMap<>();
        for (int i = 0; i < 40; i++) {
            pairs.put(String.format("bulk/k%02d", i), "v" + i);
        }
        long before = etcd.revision();

        int written = store.putAll(pairs);

        assertThat(written).isEqualTo(40);
        assertThat(etcd.revision() - before).as("one revision per txn").isEqualTo(3);
        assertThat(store.getPrefix("bulk")).isEqualTo(pairs);
    }

    @Test
    void putAll_ofManyKeys_pipelinesTransactionsThatStayWholeAndSorted() {
        String namespace = EtcdServer.randomNamespace();
        Map<String, String> pairs = new TreeMap<>();
        // 25 txns: more than the window, so the window slides.
        for (int i = 0; i < 400; i++) {
            pairs.put(String.format("many/k%03d", i), "v" + i);
        }
        try (JetcdKeyValueStore pipelined = new JetcdKeyValueStore(etcd.propertiesFor(namespace))) {
            long before = etcd.revision();

            assertThat(pipelined.putAll(pairs)).isEqualTo(400);

            assertThat(etcd.revision() - before).as("one revision per txn, 400 / 16").isEqualTo(25);
            assertThat(pipelined.getPrefix("many")).isEqualTo(pairs);
        }
        // Keys of one txn share its revision: each revision must hold exactly one run of 16 consecutive
        // sorted keys (the last one fewer), whatever order the in-flight txns committed in.
        Map<Long, List<String>> keysByRevision = etcd.rawModRevisions("/sorna/" + namespace + "/many/");
        assertThat(keysByRevision).hasSize(25);
        List<String> sorted = List.copyOf(pairs.keySet());
        for (List<String> txn : keysByRevision.values()) {
            int first = sorted.indexOf(txn.get(0).substring(("/sorna/" + namespace + "/").length()));
            assertThat(first % 16).as("txn starts at a batch boundary").isZero();
            assertThat(txn).hasSize(Math.min(16, 400 - first));
            for (int i = 0; i < txn.size(); i++) {
                assertThat(txn.get(i)).isEqualTo("/sorna/" + namespace + "/" + sorted.get(first + i));
            }
        }
    }

    @Test
    void putAll_failingTransaction_isReportedOnOneLine() {
        Map<String, String> pairs = new TreeMap<>();
        for (int i = 0; i < 100; i++) {
            pairs.put(String.format("fail/k%03d", i), "v");
        }
        // Over etcd's default 1.5 MiB request limit: that one txn is refused, the others may land.
        pairs.put("fail/k050", "x".repeat(2 * 1024 * 1024));

        assertThatThrownBy(() -> store.putAll(pairs))
                .isInstanceOf(EtcdException.class)
                .hasMessageStartingWith("etcd at " + etcd.endpoint())
                .hasMessageNotContaining("\n");
    }

    @Test
    void putAll_isIdempotent() {
        Map<String, String> pairs = Map.of("x/a", "1", "x/b", "2");
        store.putAll(pairs);
        store.putAll(pairs);

        assertThat(store.getPrefix("x")).isEqualTo(new TreeMap<>(pairs));
    }

    @Test
    void deletePrefix_removesTheKeyAndSubtree_butNoSiblings() {
        store.putAll(Map.of("v/n", "1", "v/n/a", "2", "v/n/b/c", "3", "v/n-other", "4", "v/nx", "5"));

        assertThat(store.deletePrefix("v/n")).isEqualTo(3);
        assertThat(store.getPrefix("")).containsOnlyKeys("v/n-other", "v/nx");
    }

    @Test
    void delete_countsWhatExisted() {
        store.put("one", "1");

        assertThat(store.delete("one")).isEqualTo(1);
        assertThat(store.delete("one")).isZero();
    }

    @Test
    void deleteAll_removesListedKeysOnly() {
        store.putAll(Map.of("d/a", "1", "d/b", "2", "d/c", "3"));

        assertThat(store.deleteAll(List.of("d/a", "d/c", "d/missing", "d/a"))).isEqualTo(2);
        assertThat(store.getPrefix("d")).containsOnlyKeys("d/b");
    }

    @Test
    void namespaces_areIsolated_andKeysLiveUnderSorna() {
        String namespaceA = EtcdServer.randomNamespace();
        String namespaceB = EtcdServer.randomNamespace();
        try (JetcdKeyValueStore a = new JetcdKeyValueStore(etcd.propertiesFor(namespaceA));
             JetcdKeyValueStore b = new JetcdKeyValueStore(etcd.propertiesFor(namespaceB))) {
            a.put("config/api/allow-origins", "*");

            assertThat(b.get("config/api/allow-origins")).isEmpty();
            assertThat(b.getPrefix("")).isEmpty();
            assertThat(etcd.rawGet("/sorna/" + namespaceA + "/config/api/allow-origins")).isEqualTo("*");
            assertThat(b.deletePrefix("")).isZero();
            assertThat(a.deletePrefix("")).isEqualTo(1);
            assertThat(etcd.rawCount("/sorna/" + namespaceA + "/")).isZero();
        }
    }

    @Test
    void unreachableEndpoint_failsWithinTheTimeout_namingTheEndpoint() {
        String closedPort = "http://127.0.0.1:" + closedPort();
        EtcdProperties properties = EtcdProperties.of(List.of(closedPort), "local").withTimeout(Duration.ofSeconds(2));
        try (JetcdKeyValueStore unreachable = new JetcdKeyValueStore(properties)) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> unreachable.get("anything"))
                    .isInstanceOf(EtcdUnavailableException.class)
                    .hasMessageContaining("etcd at " + closedPort)
                    .hasMessageNotContaining("\n");
            // Bounded, not hanging; the margin absorbs class loading and a loaded CI machine.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void silentEndpoint_timesOutWithinTheBound() throws Exception {
        // Accepts TCP but never speaks HTTP/2: the case where jetcd's futures would hang forever.
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            String endpoint = "http://127.0.0.1:" + silent.getLocalPort();
            EtcdProperties properties = EtcdProperties.of(List.of(endpoint), "local").withTimeout(Duration.ofSeconds(1));
            try (JetcdKeyValueStore store = new JetcdKeyValueStore(properties)) {
                long start = System.nanoTime();

                assertThatThrownBy(() -> store.getPrefix("images"))
                        .isInstanceOf(EtcdUnavailableException.class)
                        .hasMessageStartingWith("etcd at " + endpoint);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void unreachableEndpoint_messageNeverShowsThePassword() {
        EtcdProperties properties = new EtcdProperties(List.of("http://127.0.0.1:" + closedPort()), "local",
                "root", "hunter2", Duration.ofSeconds(1));
        try (JetcdKeyValueStore unreachable = new JetcdKeyValueStore(properties)) {
            assertThatThrownBy(() -> unreachable.putAll(Map.of("a", "1")))
                    .isInstanceOf(EtcdUnavailableException.class)
                    .hasMessageNotContaining("hunter2");
        }
        assertThat(properties.toString()).doesNotContain("hunter2");
    }

    @Test
    void constructingTheStore_neverConnects() {
        EtcdProperties nowhere = EtcdProperties.of(List.of("http://127.0.0.1:" + closedPort()), "local");
        try (JetcdKeyValueStore idle = new JetcdKeyValueStore(nowhere)) {
            assertThat(idle.properties()).isSameAs(nowhere);
        }
    }

    private static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
