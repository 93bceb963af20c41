package dev.imagesync.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import dev.imagesync.etcd.JetcdKeyValueStore;
import org.junit.jupiter.api.Test;

class LocalServicesTest {

    @Test
    void etcd_answersAndCountsRevisions() {
        EtcdServer etcd = LocalServices.etcd();
        assertThat(etcd.endpoint()).startsWith("http://127.0.0.1:");
        assertThat(etcd.revision()).isPositive();
    }

    @Test
    void etcdWipe_deletesEveryNamespace() {
        EtcdServer etcd = LocalServices.etcd();
        try (JetcdKeyValueStore store = etcd.newStore()) {
            store.put("k", "v");
            etcd.wipe();

            assertThat(etcd.rawCount("/")).isZero();
            assertThat(store.get("k")).isEmpty();
        }
    }

    @Test
    void redis_answersOnItsPort() {
        assertThat(LocalServices.redis().port()).isPositive();
        assertThat(LocalServices.redis()).isSameAs(RedisServer.shared());
    }

    @Test
    void postgres_givesEachCallerAFreshDatabase() throws Exception {
        PostgresServer postgres = LocalServices.postgres();
        String url = postgres.newDatabase();
        assertThat(url).startsWith("jdbc:postgresql://127.0.0.1:").isNotEqualTo(postgres.newDatabase());
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, PostgresServer.USER, "");
             java.sql.ResultSet tables = connection.getMetaData().getTables(null, "public", "%", null)) {
            assertThat(tables.next()).isFalse();
        }
    }

    @Test
    void sharedRegistry_servesV2WithoutAuth() throws Exception {
        DockerRegistryServer registry = LocalServices.registry();
        assertThat(get(HttpClient.newHttpClient(), registry.url().resolve("/v2/"), null)).isEqualTo(200);
        assertThatThrownBy(registry::stop).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void authRegistry_overTls_wantsTheCredentials() throws Exception {
        DockerRegistryServer registry = DockerRegistryServer.builder().basicAuth("alice", "s3cret").tls().start();
        try {
            assertThat(registry.url().getScheme()).isEqualTo("https");
            HttpClient client = HttpClient.newBuilder().sslContext(registry.sslContext()).build();
            assertThat(get(client, registry.url().resolve("/v2/"), null)).isEqualTo(401);
            assertThat(get(client, registry.url().resolve("/v2/"), "alice:s3cret")).isEqualTo(200);
        } finally {
            registry.stop();
        }
    }

    @Test
    void missingBinary_failsWithHowToInstall() {
        assertThatThrownBy(() -> RequiredBinary.locate("no-such-etcd", "etcd-server"))
                .hasMessage("no-such-etcd not found on PATH: install Debian package etcd-server"
                        + " (apt-get install -y etcd-server) or run .ci/run");
    }

    private static int get(HttpClient client, URI uri, String basicCredentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (basicCredentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basicCredentials.getBytes()));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
