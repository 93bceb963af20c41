package dev.imagesync.etcd;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How imagesync reaches etcd ({@code imagesync.etcd.*}). Defaults live here and nowhere else.
 *
 * @param endpoints client URLs of the etcd cluster; comma-separated in properties. Default
 *                  {@code http://127.0.0.1:2379}.
 * @param namespace Backend.AI's etcd namespace: every key lives under {@code /sorna/{namespace}/}.
 *                  Default {@code local}, as the manager's own default.
 * @param user      etcd user for authentication, or null/empty for none.
 * @param password  that user's password; a secret, never shown by {@link #toString()}.
 * @param timeout   the bound on every etcd call, connecting included: an unreachable etcd fails after
 *                  this long instead of hanging. Default 5 seconds.
 */
@ConfigurationProperties("imagesync.etcd")
public record EtcdProperties(List<String> endpoints, String namespace, String user, String password,
                             Duration timeout) {

    public static final String DEFAULT_ENDPOINT = "http://127.0.0.1:2379";
    public static final String DEFAULT_NAMESPACE = "local";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public EtcdProperties {
        endpoints = endpoints == null || endpoints.isEmpty() ? List.of(DEFAULT_ENDPOINT) : List.copyOf(endpoints);
        namespace = namespace == null || namespace.isBlank() ? DEFAULT_NAMESPACE : namespace;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("imagesync.etcd.timeout must be positive, was " + timeout);
        }
        for (String endpoint : endpoints) {
            URI.create(endpoint); // fail at startup, not at first use, on a malformed endpoint
        }
    }

    /** The given endpoints and namespace, no credentials, default timeout. */
    public static EtcdProperties of(List<String> endpoints, String namespace) {
        return new EtcdProperties(endpoints, namespace, null, null, null);
    }

    /** The root every key is relative to: {@code /sorna/{namespace}/}. */
    public String keyRoot() {
        return "/sorna/" + namespace + "/";
    }

    public boolean hasCredentials() {
        return user != null && !user.isEmpty();
    }

    /** The same settings with another per-call bound. */
    public EtcdProperties withTimeout(Duration newTimeout) {
        return new EtcdProperties(endpoints, namespace, user, password, newTimeout);
    }

    @Override
    public String toString() {
        return "EtcdProperties[endpoints=" + endpoints + ", namespace=" + namespace + ", user=" + user
                + ", password=" + (password == null || password.isEmpty() ? "<none>" : "<hidden>")
                + ", timeout=" + timeout + "]";
    }
}
