package dev.imagesync.job.rescan;

import dev.imagesync.app.ImagesyncApplication;
import dev.imagesync.etcd.JetcdKeyValueStore;
import dev.imagesync.jdbc.TagDigestRepository;
import dev.imagesync.job.JobRunner;
import dev.imagesync.testsupport.EtcdServer;
import dev.imagesync.testsupport.HookedPutAllStore;
import dev.imagesync.testsupport.MockDistributionRegistry;
import dev.imagesync.testsupport.TestContextProperties;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.imagesync.job.rescan.MockRegistryExpectations.allKeys;
import static dev.imagesync.job.rescan.MockRegistryExpectations.configure;
import static dev.imagesync.job.rescan.MockRegistryExpectations.imagesOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tags are inspected ahead of the chunk being written, at most {@code imagesync.registry.concurrency} at once,
 * yet what ran ahead is only remembered with its own chunk: a crash in between loses nothing a restart needs.
 */
@SpringBootTest(classes = {ImagesyncApplication.class, RescanInspectionsAheadTest.HookedStore.class}, properties = {
        "imagesync.scan.architecture=amd64",
        "imagesync.scan.chunk-size=5",
        "imagesync.registry.concurrency=3"})
class RescanInspectionsAheadTest {

    private static final String NAMESPACE = EtcdServer.randomNamespace();
    private static final String REPOSITORY = "kernels/r0";

    @TestConfiguration
    static class HookedStore {
        @Bean
        @Primary
        HookedPutAllStore hookedStore(JetcdKeyValueStore real) {
            return new HookedPutAllStore(real, call -> { });
        }
    }

    @Autowired
    JobRunner jobRunner;
    @Autowired
    HookedPutAllStore store;
    @Autowired
    TagDigestRepository digests;

    @AutoClose
    private MockDistributionRegistry registry;
    private final AtomicInteger fetching = new AtomicInteger();
    private final AtomicInteger mostFetchingAtOnce = new AtomicInteger();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry properties) {
        TestContextProperties.register(properties, NAMESPACE);
    }

    @BeforeEach
    void startRegistry() {
        store.setBeforePutAll(call -> { });
        store.deletePrefix("");
        registry = new MockDistributionRegistry(1, 20);
        // Each manifest or blob answer takes a little while, so that fetches overlap when they can.
        registry.setFault(request -> {
            String path = request.getUrl().encodedPath();
            if (path.contains("/manifests/") || path.contains("/blobs/")) {
                mostFetchingAtOnce.accumulateAndGet(fetching.incrementAndGet(), Math::max);
                sleep(15);
                fetching.decrementAndGet();
            }
            return null;
        });
        configure(store, registry);
    }

    @Test
    void theNextChunksTags_areFetchedWhileAChunkIsWritten_atMostTheRegistryLimitAtOnce() throws Exception {
        AtomicInteger manifestsWhenFirstWriteEnded = new AtomicInteger();
        store.setBeforePutAll(call -> {
            if (call == 1) {
                sleep(500);
                manifestsWhenFirstWriteEnded.set(manifestRequests().size());
            }
        });

        JobExecution execution = launch();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(imagesOf(store, registry)).isEqualTo(allKeys(registry));
        // The first chunk's 5 tags, and the next chunk's 5 fetched while the first one was being written.
        assertThat(manifestsWhenFirstWriteEnded.get()).isGreaterThanOrEqualTo(10);
        assertThat(mostFetchingAtOnce).hasValue(3);
    }

    @Test
    void connections_areKeptAliveAndReusedAcrossTheScan() throws Exception {
        JobExecution execution = launch();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(registry.paths()).hasSizeGreaterThan(40);
        // At most one connection per concurrent fetch (3) plus the reader's listing one.
        assertThat(registry.connections()).isLessThanOrEqualTo(4);
    }

    @Test
    void digestsOfTagsInspectedAhead_areRememberedOnlyWithTheirChunk_soARestartRefetchesThem() throws Exception {
        List<String> tags = registry.tagsByRepository().get(REPOSITORY).stream().sorted().toList();
        store.setBeforePutAll(HookedPutAllStore.failOn(2));

        JobExecution crashed = launch();

        assertThat(crashed.getStatus()).isEqualTo(BatchStatus.FAILED);
        // Tags of the second and later chunks were inspected ahead, but only the committed first chunk counts.
        assertThat(digests.findByRepository(registry.hostAndPort(), REPOSITORY).keySet())
                .containsExactlyInAnyOrderElementsOf(tags.subList(0, 5));

        store.setBeforePutAll(call -> { });
        registry.clearRequests();
        JobExecution restarted = jobRunner.restart(crashed.getId());

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(imagesOf(store, registry)).isEqualTo(allKeys(registry));
        assertThat(manifestRequests()).containsExactlyInAnyOrderElementsOf(tags.subList(5, tags.size()).stream()
                .map(tag -> "/v2/" + REPOSITORY + "/manifests/" + tag).toList());
        assertThat(digests.findByRepository(registry.hostAndPort(), REPOSITORY).keySet())
                .containsExactlyInAnyOrderElementsOf(tags);
    }

    private List<String> manifestRequests() {
        return registry.paths().stream().filter(path -> path.contains("/manifests/")).toList();
    }

    private JobExecution launch() throws Exception {
        return jobRunner.launch(RescanImagesJobConfiguration.JOB_NAME, Map.of());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
