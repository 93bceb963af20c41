package dev.imagesync.etcd;

import java.time.Duration;
import java.util.Optional;

/**
 * "Only one instance does this now": a try-lock on {@code imagesync/locks/{name}}, taken by a compare-and-set
 * on a key bound to a fresh kept-alive lease. Never waits (jetcd's blocking {@code Lock} would take the lock
 * later even after its caller gave up). Releasing revokes the lease; a holder that dies loses the lock after
 * one TTL.
 */
public final class LeaseLock {

    public static final String PREFIX = "imagesync/locks/";

    private final EtcdLeases leases;
    private final Duration ttl;

    public LeaseLock(EtcdLeases leases, Duration ttl) {
        this.leases = leases;
        this.ttl = ttl;
    }

    /** The lock if nobody holds it, else empty. The lock's key holds {@code owner}. */
    public Optional<Held> tryAcquire(String name, String owner) {
        KeptAliveLease lease = leases.grant(ttl);
        boolean acquired;
        try {
            acquired = leases.putIfAbsent(PREFIX + name, owner, lease);
        } catch (RuntimeException failed) {
            lease.revoke();
            throw failed;
        }
        if (!acquired) {
            lease.revoke();
            return Optional.empty();
        }
        return Optional.of(new Held(name, lease));
    }

    /** Who holds the lock now, if anyone. */
    public Optional<String> holder(String name) {
        return leases.get(PREFIX + name);
    }

    /** A lock this process holds until {@link #release()} or until its lease is lost. */
    public static final class Held implements AutoCloseable {

        private final String name;
        private final KeptAliveLease lease;

        private Held(String name, KeptAliveLease lease) {
            this.name = name;
            this.lease = lease;
        }

        public String name() {
            return name;
        }

        /** False once the lease is lost: another instance may hold the lock by now. */
        public boolean isHeld() {
            return lease.isAlive();
        }

        public void release() {
            lease.revoke();
        }

        @Override
        public void close() {
            release();
        }
    }
}
