package dev.imagesync.serve;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;

/**
 * How this process takes part in the cluster ({@code imagesync.serve.*}). Defaults live here and nowhere else.
 *
 * @param enabled       serve mode: scheduler, node registration and HTTP endpoints. The {@code serve} command
 *                      sets it; default false, so the other commands stay short-lived and non-web.
 * @param instanceId    this instance's name in etcd ({@code nodes/imagesync/{id}}, lock and execution owners).
 *                      Default {@code {host}-{pid}-{4 hex}}: unique per process.
 * @param token         bearer token the {@code /jobs} HTTP endpoints require; a secret, never logged. None (the
 *                      default) turns those endpoints off (404).
 * @param leaseTtl      TTL of the etcd leases behind node registration, execution ownership and the scan lock:
 *                      a dead process's keys vanish after this long. Default 15 seconds.
 * @param shutdownGrace how long SIGTERM waits for running jobs to reach a chunk boundary and stop. Default 60
 *                      seconds.
 */
@ConfigurationProperties("imagesync.serve")
public record ServeProperties(Boolean enabled, String instanceId, String token, Duration leaseTtl,
                              Duration shutdownGrace) {

    public ServeProperties {
        enabled = enabled != null && enabled;
        instanceId = instanceId == null || instanceId.isBlank() ? defaultInstanceId() : instanceId.strip();
        token = token == null || token.isBlank() ? null : token.strip();
        leaseTtl = leaseTtl == null ? Duration.ofSeconds(15) : leaseTtl;
        shutdownGrace = shutdownGrace == null ? Duration.ofSeconds(60) : shutdownGrace;
        if (leaseTtl.toSeconds() < 2) {
            throw new IllegalArgumentException("imagesync.serve.lease-ttl must be at least 2s, was " + leaseTtl);
        }
    }

    public boolean hasToken() {
        return token != null;
    }

    private static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            host = "unknown-host";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid() + "-"
                + UUID.randomUUID().toString().substring(0, 4);
    }

    @Override
    public String toString() {
        return "ServeProperties[enabled=" + enabled + ", instanceId=" + instanceId + ", token="
                + (token == null ? "<none>" : "<hidden>") + ", leaseTtl=" + leaseTtl + ", shutdownGrace="
                + shutdownGrace + "]";
    }
}
