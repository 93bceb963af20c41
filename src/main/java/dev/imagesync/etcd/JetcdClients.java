package dev.imagesync.etcd;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.ClientBuilder;

/** Builds the one jetcd client a store uses, from {@link EtcdProperties}. */
final class JetcdClients {

    private JetcdClients() {
    }

    static Client build(EtcdProperties properties) {
        ClientBuilder builder = Client.builder()
                .endpoints(properties.endpoints().toArray(String[]::new))
                .namespace(ByteSequence.from(properties.keyRoot(), UTF_8))
                // Fail fast instead of queueing calls until etcd comes back; the caller bounds each call anyway.
                .waitForReady(false)
                .connectTimeout(properties.timeout())
                .retryMaxDuration(properties.timeout())
                // etcd answers pings on an idle connection with GOAWAY "too_many_pings"; ping only during calls.
                .keepaliveWithoutCalls(false);
        if (properties.hasCredentials()) {
            builder.user(ByteSequence.from(properties.user(), UTF_8))
                    .password(ByteSequence.from(properties.password() == null ? "" : properties.password(), UTF_8));
        }
        return builder.build();
    }
}
