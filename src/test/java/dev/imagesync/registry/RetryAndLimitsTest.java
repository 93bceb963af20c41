package dev.imagesync.registry;

import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static dev.imagesync.registry.Answers.fixture;
import static dev.imagesync.registry.Answers.fixtureJson;
import static dev.imagesync.registry.Answers.json;
import static dev.imagesync.registry.Answers.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryAndLimitsTest {

    private static final String CATALOG = "/v2/_catalog?n=2";

    @AutoClose
    private final FakeRegistry registry = new FakeRegistry();
    private final RegistryTestSupport support = new RegistryTestSupport();
    @AutoClose
    private final RegistryClientFactory factory = support.factory(registry.uri());

    private RegistryClient client() {
        return factory.create(RegistryTestSupport.docker(registry), "amd64");
    }

    @Test
    void tooManyRequests_waitsRetryAfterSecondsThenSucceeds() {
        registry.get(CATALOG, retryAfter("3"), fixtureJson("distribution/catalog-page2.json"));

        assertThat(client().listRepositories()).containsExactly("community/r-base");
        assertThat(support.sleeps).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void tooManyRequests_honoursRetryAfterHttpDate() {
        registry.get(CATALOG, retryAfter("Sun, 01 Mar 2026 12:00:07 GMT"),
                fixtureJson("distribution/catalog-page2.json"));

        client().listRepositories();

        assertThat(support.sleeps).containsExactly(Duration.ofSeconds(7));
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 500, 502, 503, 504})
    void temporaryStatus_isRetriedThenSucceeds(int code) {
        registry.get(CATALOG, status(code), fixtureJson("distribution/catalog-page2.json"));

        assertThat(client().listRepositories()).containsExactly("community/r-base");
        assertThat(registry.count("GET", CATALOG)).isEqualTo(2);
    }

    @Test
    void serverErrorForever_isUnavailableAfterMaxRetriesWithGrowingBackoff() {
        registry.get(CATALOG, status(500));

        assertThatThrownBy(() -> client().listRepositories())
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("HTTP 500").hasMessageContaining("4 times").hasMessageContaining("/v2/_catalog");
        assertThat(registry.count("GET", CATALOG)).isEqualTo(1 + 3);
        assertThat(support.sleeps).containsExactly(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(4));
    }

    @Test
    void connectionDroppedMidResponse_isRetried() {
        MockResponse dropped = new MockResponse.Builder().code(200)
                .body(fixture("distribution/catalog-page2.json"))
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build();
        registry.get(CATALOG, dropped, fixtureJson("distribution/catalog-page2.json"));

        assertThat(client().listRepositories()).containsExactly("community/r-base");
        assertThat(registry.count("GET", CATALOG)).isEqualTo(2);
    }

    @Test
    void readTimeout_isRetriedThenUnavailable() {
        RegistryProperties quick = new RegistryProperties(2, Duration.ofSeconds(1), Duration.ofMillis(100),
                Duration.ofSeconds(5), 1024L, 0, Duration.ofMillis(1), Duration.ofMillis(1), 1, registry.uri());
        registry.get(CATALOG, new MockResponse.Builder().code(200).body("{}")
                .headersDelay(1, TimeUnit.SECONDS).build());
        try (RegistryClientFactory noRetries = new RegistryClientFactory(quick, java.util.List.of())) {
            assertThatThrownBy(() -> noRetries.create(RegistryTestSupport.docker(registry), "amd64").listRepositories())
                    .isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("read timeout");
        }
    }

    @Test
    void notFound_isNotRetried() {
        assertThatThrownBy(() -> client().listTags("stable/nosuch")).isInstanceOf(RegistryNotFoundException.class);
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void truncatedJson_isMalformedNamingTheDocument() {
        registry.get(CATALOG, json("{\"repositories\":[\"stable/python\","));

        assertThatThrownBy(() -> client().listRepositories())
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("catalog").hasMessageContaining("/v2/_catalog")
                .hasMessageNotContaining("\n");
    }

    @Test
    void oversizedBody_isTooLargeWhetherDeclaredOrStreamed() {
        String huge = "{\"repositories\":[\"" + "x".repeat(70 * 1024) + "\"]}";
        registry.get(CATALOG, json(huge))
                .get("/v2/stable/python/tags/list?n=2", new MockResponse.Builder().code(200)
                        .chunkedBody(huge, 4096).build());

        assertThatThrownBy(() -> client().listRepositories()).isInstanceOf(ResponseTooLargeException.class)
                .hasMessageContaining(String.valueOf(64 * 1024));
        assertThatThrownBy(() -> client().listTags("stable/python")).isInstanceOf(ResponseTooLargeException.class);
        assertThat(registry.requests()).hasSize(2);
    }

    private static MockResponse retryAfter(String value) {
        return new MockResponse.Builder().code(429).setHeader("Retry-After", value).body("").build();
    }
}
