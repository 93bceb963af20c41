package dev.imagesync.serve;

import dev.imagesync.etcd.NodeInfo;
import dev.imagesync.etcd.NodeRegistry;
import dev.imagesync.job.ops.ProcessLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Registers this serve instance under {@code nodes/imagesync/{id}} on the process lease, and registers it again
 * every third of a TTL: if etcd was unreachable long enough for the lease to lapse, a new lease and entry
 * replace it.
 */
public class NodeRegistration implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NodeRegistration.class);

    private final NodeRegistry registry;
    private final ProcessLease lease;
    private final Duration ttl;
    private final NodeInfo node;
    private ScheduledExecutorService refresher;

    public NodeRegistration(NodeRegistry registry, ProcessLease lease, Duration ttl, String version) {
        this.registry = registry;
        this.lease = lease;
        this.ttl = ttl;
        this.node = new NodeInfo(lease.instanceId(), hostName(), version, Instant.now().toString());
    }

    @Override
    public synchronized void start() {
        registry.register(node, lease.lease());
        log.info("registered as nodes/imagesync/{}", node.id());
        refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "node-registration");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1000, ttl.toMillis() / 3);
        refresher.scheduleWithFixedDelay(this::refresh, period, period, TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        try {
            registry.register(node, lease.lease());
        } catch (RuntimeException unreachable) {
            log.warn("could not refresh node registration: {}", unreachable.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (refresher != null) {
            refresher.shutdownNow();
            refresher = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return refresher != null;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            return "unknown-host";
        }
    }
}
