package dev.imagesync.etcd;

import io.etcd.jetcd.Lease;
import io.etcd.jetcd.lease.LeaseKeepAliveResponse;
import io.etcd.jetcd.support.CloseableClient;
import io.grpc.stub.StreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * An etcd lease renewed in the background until {@link #revoke()}. It counts as held only while etcd confirmed
 * a renewal less than one TTL ago: a process cut off from etcd must assume its keys are gone, because for the
 * other instances they are. Thread-safe.
 */
public final class KeptAliveLease implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KeptAliveLease.class);

    private final long id;
    private final Duration ttl;
    private final Lease leases;
    private final BoundedEtcdCall call;
    private volatile long lastRenewedNanos;
    private volatile boolean lost;
    private CloseableClient keepAlive;

    KeptAliveLease(long id, Duration ttl, Lease leases, BoundedEtcdCall call) {
        this.id = id;
        this.ttl = ttl;
        this.leases = leases;
        this.call = call;
        this.lastRenewedNanos = System.nanoTime();
    }

    synchronized KeptAliveLease startKeepAlive() {
        keepAlive = leases.keepAlive(id, new StreamObserver<>() {
            @Override
            public void onNext(LeaseKeepAliveResponse response) {
                if (response.getTTL() > 0) {
                    lastRenewedNanos = System.nanoTime();
                } else {
                    markLost("etcd reports it expired");
                }
            }

            @Override
            public void onError(Throwable error) {
                markLost(error.getMessage());
            }

            @Override
            public void onCompleted() {
                markLost("keep-alive ended");
            }
        });
        return this;
    }

    public long id() {
        return id;
    }

    /** True while the lease is kept alive and etcd renewed it within its TTL. */
    public boolean isAlive() {
        return !lost && System.nanoTime() - lastRenewedNanos < ttl.toNanos();
    }

    /** Ends the keep-alive and revokes the lease, deleting every key bound to it. Safe to call twice. */
    public synchronized void revoke() {
        if (keepAlive == null) {
            return;
        }
        keepAlive.close();
        keepAlive = null;
        lost = true;
        try {
            call.await(leases.revoke(id));
        } catch (EtcdException notRevoked) {
            // The lease then expires on its own within its TTL.
            log.warn("could not revoke etcd lease {}: {}", Long.toHexString(id), notRevoked.getMessage());
        }
    }

    @Override
    public void close() {
        revoke();
    }

    private void markLost(String why) {
        if (!lost) {
            lost = true;
            log.warn("etcd lease {} lost: {}", Long.toHexString(id), why);
        }
    }
}
