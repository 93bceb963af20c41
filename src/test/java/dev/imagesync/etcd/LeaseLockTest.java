package dev.imagesync.etcd;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagesync.testsupport.EtcdServer;
import dev.imagesync.testsupport.LocalServices;
import io.etcd.jetcd.ByteSequence;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

/** The lease-backed try-lock and node registry against a real etcd. */
class LeaseLockTest {

    private EtcdProperties properties;
    @AutoClose
    private EtcdLeases leases;
    @AutoClose
    private JetcdKeyValueStore store;
    private LeaseLock lock;

    @BeforeEach
    void connect() {
        properties = LocalServices.etcd().propertiesFor(EtcdServer.randomNamespace());
        leases = new EtcdLeases(properties);
        store = new JetcdKeyValueStore(properties);
        lock = new LeaseLock(leases, Duration.ofSeconds(5));
    }

    @Test
    void tryAcquire_secondContenderLoses_untilTheHolderReleases() {
        Optional<LeaseLock.Held> first = lock.tryAcquire("job", "node-a");
        assertThat(first).isPresent();
        assertThat(lock.tryAcquire("job", "node-b")).isEmpty();
        assertThat(lock.holder("job")).contains("node-a");
        assertThat(store.get("imagesync/locks/job")).contains("node-a");

        first.get().release();

        assertThat(store.get("imagesync/locks/job")).isEmpty();
        Optional<LeaseLock.Held> second = lock.tryAcquire("job", "node-b");
        assertThat(second).isPresent();
        assertThat(lock.holder("job")).contains("node-b");
        second.get().release();
    }

    @Test
    void lostLease_isNoLongerHeld_andFreesTheLock() throws Exception {
        LeaseLock.Held held = lock.tryAcquire("job", "node-a").orElseThrow();
        long leaseId = rawLeaseOf("imagesync/locks/job");

        LocalServices.etcd().rawClient().getLeaseClient().revoke(leaseId).get();

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (held.isHeld() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(held.isHeld()).isFalse();
        assertThat(lock.tryAcquire("job", "node-b")).isPresent();
    }

    @Test
    void nodeRegistry_listsLiveNodes_andForgetsThemWhenTheirLeaseEnds() {
        NodeRegistry registry = new NodeRegistry(leases, store);
        KeptAliveLease leaseA = leases.grant(Duration.ofSeconds(5));
        KeptAliveLease leaseB = leases.grant(Duration.ofSeconds(5));
        registry.register(new NodeInfo("node/a", "host-a", "1.0", "2026-01-01T00:00:00Z"), leaseA);
        registry.register(new NodeInfo("node-b", "host-b", "1.0", "2026-01-01T00:00:01Z"), leaseB);

        assertThat(registry.list()).extracting(NodeInfo::id).containsExactly("node/a", "node-b");
        assertThat(store.get("nodes/imagesync/node%2Fa")).get().asString().contains("\"host\":\"host-a\"");

        leaseA.revoke();

        assertThat(registry.list()).extracting(NodeInfo::id).containsExactly("node-b");
        leaseB.revoke();
    }

    private long rawLeaseOf(String key) throws Exception {
        ByteSequence absolute = ByteSequence.from(properties.keyRoot() + key, UTF_8);
        return LocalServices.etcd().rawClient().getKVClient().get(absolute).get().getKvs().get(0).getLease();
    }
}
