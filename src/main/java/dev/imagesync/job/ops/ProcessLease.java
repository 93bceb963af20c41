package dev.imagesync.job.ops;

import dev.imagesync.etcd.EtcdLeases;
import dev.imagesync.etcd.KeptAliveLease;

import java.time.Duration;

/**
 * The etcd lease of this process: keys bound to it (node registration, execution ownership) vanish within one
 * TTL of the process dying. Granted on first use, so commands that never run a job never touch etcd; revoked
 * when the application context closes. Thread-safe.
 */
public class ProcessLease implements AutoCloseable {

    private final EtcdLeases leases;
    private final String instanceId;
    private final Duration ttl;
    private KeptAliveLease lease;

    public ProcessLease(EtcdLeases leases, String instanceId, Duration ttl) {
        this.leases = leases;
        this.instanceId = instanceId;
        this.ttl = ttl;
    }

    public String instanceId() {
        return instanceId;
    }

    /** The live lease; a lost one (etcd unreachable longer than the TTL) is replaced by a new grant. */
    public synchronized KeptAliveLease lease() {
        if (lease == null || !lease.isAlive()) {
            if (lease != null) {
                lease.revoke();
            }
            lease = leases.grant(ttl);
        }
        return lease;
    }

    public synchronized boolean isGranted() {
        return lease != null && lease.isAlive();
    }

    @Override
    public synchronized void close() {
        if (lease != null) {
            lease.revoke();
            lease = null;
        }
    }
}
