package dev.imagesync.registry;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP keep-alive: a scan's concurrent fetches reuse their connections from one wave to the next. */
class ConnectionReuseTest {

    private static final int CONCURRENCY = 12;
    private static final String TAGS = "/v2/stable/python/tags/list?n=2";

    @AutoClose
    private final FakeRegistry registry = new FakeRegistry();
    @AutoClose
    private final RegistryClientFactory factory = new RegistryClientFactory(new RegistryProperties(2,
            Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), null, 0, null, null, CONCURRENCY,
            registry.uri()), List.of());

    @Test
    void concurrentRequests_keepOneConnectionPerFetchSlotAlive_moreThanOkHttpsDefaultFive() throws Exception {
        // Slow enough that the requests of one wave overlap and each needs a connection of its own.
        registry.get(TAGS, new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"name\":\"stable/python\",\"tags\":[\"3.9\"]}").headersDelay(200, TimeUnit.MILLISECONDS).build());
        RegistryClient client = factory.create(RegistryTestSupport.docker(registry), "amd64");
        ExecutorService workers = Executors.newFixedThreadPool(CONCURRENCY);
        try {
            wave(workers, client);
            int afterFirstWave = connections();
            wave(workers, client);
            wave(workers, client);

            assertThat(afterFirstWave).isBetween(2, CONCURRENCY);
            assertThat(connections()).as("later waves open no new connections").isEqualTo(afterFirstWave);
            assertThat(registry.requests()).hasSize(3 * CONCURRENCY);
        } finally {
            workers.shutdownNow();
        }
    }

    private void wave(ExecutorService workers, RegistryClient client) throws Exception {
        List<Future<List<String>>> calls = new ArrayList<>();
        for (int i = 0; i < CONCURRENCY; i++) {
            calls.add(workers.submit(() -> client.listTags("stable/python")));
        }
        for (Future<List<String>> call : calls) {
            assertThat(call.get(10, TimeUnit.SECONDS)).containsExactly("3.9");
        }
    }

    private int connections() {
        return registry.requests().stream().mapToInt(RecordedRequest::getConnectionIndex).max().orElse(-1) + 1;
    }
}
