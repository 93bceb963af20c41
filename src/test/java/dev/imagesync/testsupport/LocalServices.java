package dev.imagesync.testsupport;

/**
 * The real services integration tests run against, each started on first use on loopback ports and
 * stopped when the test JVM exits. A missing binary fails the test with how to install it.
 */
public final class LocalServices {

    private LocalServices() {
    }

    public static EtcdServer etcd() {
        return EtcdServer.shared();
    }

    public static RedisServer redis() {
        return RedisServer.shared();
    }

    public static PostgresServer postgres() {
        return PostgresServer.shared();
    }

    /** The shared plain-HTTP registry; use {@link DockerRegistryServer#builder()} for auth or TLS. */
    public static DockerRegistryServer registry() {
        return DockerRegistryServer.shared();
    }
}
