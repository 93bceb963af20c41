package dev.imagesync.registry;

import dev.imagesync.image.RegistryConfig;
import dev.imagesync.image.RegistryType;
import dev.imagesync.image.TagInspection;
import dev.imagesync.testsupport.DockerRegistryServer;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Debian's docker-registry serving HTTPS with a self-signed certificate: refused by default with one line
 * that says what to do, scanned with {@code ssl-verify=false}.
 */
class DockerRegistryTlsTest {

    private static final Map<String, String> LABELS = Map.of("ai.backend.kernelspec", "1");

    @AutoClose("stop")
    private static DockerRegistryServer registry;
    @AutoClose
    private static RegistryClientFactory factory;
    /** Every attempt the shared factory's clients make, failed handshakes included. */
    private static final AtomicInteger attempts = new AtomicInteger();

    @BeforeAll
    static void start() {
        registry = DockerRegistryServer.builder().tls().start();
        Interceptor countAttempts = chain -> {
            attempts.incrementAndGet();
            return chain.proceed(chain.request());
        };
        factory = new RegistryClientFactory(RegistryProperties.defaults(), List.of(countAttempts));
        // Seeding only: the pusher trusts anything; the client under test gets no such favour.
        OkHttpClient trustingAll = InsecureTls.applyTo(new OkHttpClient.Builder()).build();
        try (ImagePusher pusher = new ImagePusher(registry.url(), null, null, trustingAll)) {
            pusher.pushImage("kernels/python", "3.9", ImageSpec.single("amd64", LABELS));
        }
    }

    private static RegistryClient client(boolean sslVerify) {
        return factory.create(new RegistryConfig(registry.hostAndPort(), registry.url(), RegistryType.DOCKER,
                List.of(), null, null, sslVerify), "amd64");
    }

    @Test
    void selfSignedCertificate_isRejectedByDefault_atOnceWithOneClearLine() {
        attempts.set(0);

        assertThatThrownBy(() -> client(true).listRepositories())
                .isInstanceOf(RegistryTlsException.class)
                .hasMessage("registry '" + registry.hostAndPort() + "': TLS certificate of https://"
                        + registry.hostAndPort() + " not trusted (set ssl-verify=false for this registry to skip"
                        + " verification)");
        assertThat(attempts).as("not retried").hasValue(1);
    }

    @Test
    void sslVerifyFalse_scansTheRegistry() {
        RegistryClient client = client(false);

        assertThat(client.listRepositories()).containsExactly("kernels/python");
        assertThat(client.listTags("kernels/python")).containsExactly("3.9");
        assertThat(client.inspect("kernels/python", "3.9")).isInstanceOfSatisfying(TagInspection.Found.class,
                found -> assertThat(found.metadata().labels()).isEqualTo(LABELS));
    }

    @Test
    void http2_isUsedWhereTheRegistryOffersIt() {
        List<Protocol> protocols = new CopyOnWriteArrayList<>();
        Interceptor recordProtocol = chain -> {
            Response response = chain.proceed(chain.request());
            protocols.add(response.protocol());
            return response;
        };
        try (RegistryClientFactory recording = new RegistryClientFactory(RegistryProperties.defaults(),
                List.of(recordProtocol))) {
            RegistryClient client = recording.create(new RegistryConfig(registry.hostAndPort(), registry.url(),
                    RegistryType.DOCKER, List.of(), null, null, false), "amd64");

            client.inspect("kernels/python", "3.9");
        }

        assertThat(protocols).isNotEmpty().containsOnly(Protocol.HTTP_2);
    }

    @Test
    void sslVerifyFalse_onOneRegistry_leavesVerificationOnForTheOthers() {
        client(false).listRepositories();

        assertThatThrownBy(() -> client(true).listRepositories()).isInstanceOf(RegistryTlsException.class);
    }
}
