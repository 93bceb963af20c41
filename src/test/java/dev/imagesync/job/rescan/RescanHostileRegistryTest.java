package dev.imagesync.job.rescan;

import dev.imagesync.app.ImagesyncApplication;
import dev.imagesync.etcd.KeyValueStore;
import dev.imagesync.job.JobRunner;
import dev.imagesync.testsupport.EtcdServer;
import dev.imagesync.testsupport.TestContextProperties;
import dev.imagesync.testsupport.MockDistributionRegistry;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.imagesync.job.rescan.MockRegistryExpectations.allKeys;
import static dev.imagesync.job.rescan.MockRegistryExpectations.configure;
import static dev.imagesync.job.rescan.MockRegistryExpectations.imagesOf;
import static dev.imagesync.job.rescan.MockRegistryExpectations.keysOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * rescan-images against registries that misbehave the way real networks do: 500 forever on some manifests,
 * a registry that never answers, 429 with Retry-After, a next link to another host. Timeouts are short so
 * that a hang costs a second or two, yet not so short that a busy machine's pause times out a healthy answer.
 * Connection reuse is checked elsewhere, with default timeouts: a timed-out connection is replaced.
 */
@SpringBootTest(classes = ImagesyncApplication.class, properties = {
        "imagesync.scan.architecture=amd64",
        "imagesync.scan.chunk-size=4",
        "imagesync.scan.skip-limit=2",
        "imagesync.registry.max-retries=1",
        "imagesync.registry.initial-backoff=5ms",
        "imagesync.registry.max-backoff=1s",
        "imagesync.registry.connect-timeout=1s",
        "imagesync.registry.read-timeout=1s",
        "imagesync.registry.call-timeout=2s"})
class RescanHostileRegistryTest {

    private static final String NAMESPACE = EtcdServer.randomNamespace();
    private static final String REPOSITORY = "kernels/r0";

    @Autowired
    JobRunner jobRunner;
    @Autowired
    KeyValueStore store;

    @AutoClose
    private MockDistributionRegistry registry;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry properties) {
        TestContextProperties.register(properties, NAMESPACE);
    }

    @BeforeEach
    void startRegistry() {
        store.deletePrefix("");
        registry = new MockDistributionRegistry(1, 12);
        configure(store, registry);
    }

    @Test
    void serverErrorForeverOnManifests_upToTheSkipLimit_skipsThoseTagsAsRegistryErrors() throws Exception {
        Set<String> failing = Set.of("t3", "t7");
        registry.setFault(manifestsOf(failing, MockDistributionRegistry.status(500)));

        JobExecution execution = launch();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        RescanSummary summary = RescanSummary.of(execution);
        assertThat(summary.totals().skippedByReason()).containsExactly(Map.entry("registry error", 2L));
        assertThat(summary.totals().records()).isEqualTo(10);
        List<String> healthyTags = registry.tagsByRepository().get(REPOSITORY).stream()
                .filter(tag -> !failing.contains(tag)).toList();
        assertThat(imagesOf(store, registry)).isEqualTo(keysOf(registry, REPOSITORY, healthyTags));
        assertThat(registry.paths()).as("each failing manifest tried twice (max-retries=1)")
                .filteredOn(path -> path.endsWith("/manifests/t3")).hasSize(2);
    }

    @Test
    void serverErrorForeverOnManifests_pastTheSkipLimit_failsTheRegistry() throws Exception {
        registry.setFault(manifestsOf(Set.of("t2", "t3", "t4"), MockDistributionRegistry.status(500)));

        JobExecution execution = launch();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(RescanSummary.of(execution).registries()).singleElement().satisfies(outcome -> {
            assertThat(outcome.status()).isEqualTo(BatchStatus.FAILED);
            assertThat(outcome.failure()).contains("registry '" + registry.hostAndPort() + "'").contains("HTTP 500");
        });
        assertThat(skipLimitFailure(execution)).hasMessageContaining("more than 2 tags failed (skip limit)");
        assertThat(imagesOf(store, registry)).as("the chunks before the third failure were written")
                .containsKey("images/" + MockRegistryExpectations.quotedName(registry) + "/kernels%2Fr0/t0");
    }

    @Test
    void registryThatNeverAnswers_failsWithinSeconds_whileAnotherRegistryCompletes() throws Exception {
        try (MockDistributionRegistry healthy = new MockDistributionRegistry(2, 3)) {
            configure(store, healthy);
            registry.setFault(request -> MockDistributionRegistry.hang());
            long start = System.nanoTime();

            JobExecution execution = launch();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(RescanSummary.of(execution).registries())
                    .filteredOn(outcome -> outcome.registry().equals(registry.hostAndPort())).singleElement()
                    .satisfies(outcome -> assertThat(outcome.failure()).contains("unavailable")
                            .contains("/v2/_catalog").containsAnyOf("read timeout", "InterruptedIOException"));
            assertThat(imagesOf(store, healthy)).isEqualTo(allKeys(healthy));
        }
    }

    @Test
    void manifestsThatNeverAnswer_skipThenFailTheRegistry_withinSeconds() throws Exception {
        registry.setFault(request -> request.getUrl().encodedPath().contains("/manifests/")
                ? MockDistributionRegistry.hang() : null);
        long start = System.nanoTime();

        JobExecution execution = launch();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(RescanSummary.of(execution).registries().get(0).failure()).contains("read timeout");
        assertThat(skipLimitFailure(execution)).isNotNull();
    }

    @Test
    void tooManyRequestsWithRetryAfter_isWaitedOutThenTheScanCompletes() throws Exception {
        AtomicBoolean limited = new AtomicBoolean();
        registry.setFault(request -> request.getUrl().encodedPath().equals("/v2/_catalog")
                && limited.compareAndSet(false, true)
                ? new MockResponse.Builder().code(429).setHeader("Retry-After", "1").body("").build() : null);
        long start = System.nanoTime();

        JobExecution execution = launch();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(registry.paths()).filteredOn("/v2/_catalog"::equals).hasSize(2);
        assertThat(imagesOf(store, registry)).isEqualTo(allKeys(registry));
    }

    @Test
    void nextLinkToAnotherHost_isRefusedAndFailsTheRegistry() throws Exception {
        registry.setFault(request -> request.getUrl().encodedPath().equals("/v2/_catalog")
                ? new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                        .setHeader("Link", "<http://elsewhere.invalid/v2/_catalog?last=kernels%2Fr0>; rel=\"next\"")
                        .body("{\"repositories\":[\"kernels/r0\"]}").build()
                : null);

        JobExecution execution = launch();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(RescanSummary.of(execution).registries().get(0).failure())
                .contains("next-page link to http://elsewhere.invalid:80");
        assertThat(store.getPrefix("images")).isEmpty();
    }

    /** The skip-limit failure in the execution's exception chains (the one-line description names its cause). */
    private static SkipLimitExceededException skipLimitFailure(JobExecution execution) {
        for (Throwable failure : execution.getAllFailureExceptions()) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof SkipLimitExceededException skipLimit) {
                    return skipLimit;
                }
            }
        }
        throw new AssertionError("no SkipLimitExceededException in " + execution.getAllFailureExceptions());
    }

    private JobExecution launch() throws Exception {
        return jobRunner.launch(RescanImagesJobConfiguration.JOB_NAME, Map.of());
    }

    private static java.util.function.Function<RecordedRequest, MockResponse> manifestsOf(Set<String> tags,
                                                                                        MockResponse answer) {
        return request -> tags.stream().anyMatch(tag -> request.getUrl().encodedPath().endsWith("/manifests/" + tag))
                ? answer : null;
    }
}
