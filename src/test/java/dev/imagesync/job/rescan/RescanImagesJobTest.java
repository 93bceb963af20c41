package dev.imagesync.job.rescan;

import dev.imagesync.app.ImagesyncApplication;
import dev.imagesync.etcd.KeyValueStore;
import dev.imagesync.job.JobRunner;
import dev.imagesync.testsupport.DockerRegistryServer;
import dev.imagesync.testsupport.EtcdServer;
import dev.imagesync.testsupport.TestContextProperties;
import dev.imagesync.testsupport.RegistryOracle;
import dev.imagesync.testsupport.RequestLog;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * rescan-images against a real docker-registry and a real etcd: the whole etcd subtree it leaves, key by key,
 * and a restart after a failure that resumes at the saved cursor.
 */
@SpringBootTest(classes = {ImagesyncApplication.class, RescanImagesJobTest.RegistryFaults.class}, properties = {
        "imagesync.scan.architecture=amd64",
        "imagesync.scan.chunk-size=2",
        "imagesync.scan.skip-limit=0"})
class RescanImagesJobTest {

    private static final String NAMESPACE = EtcdServer.randomNamespace();
    @AutoClose("stop")
    private static DockerRegistryServer registry;

    @Autowired
    JobRunner jobRunner;
    @Autowired
    KeyValueStore store;
    @Autowired
    RequestLog requests;
    @Autowired
    AtomicReference<String> failingManifestPath;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry properties) {
        TestContextProperties.register(properties, NAMESPACE);
    }

    @BeforeAll
    static void pushFixtures() {
        registry = DockerRegistryServer.builder().start();
        RescanFixtures.push(registry.url());
    }

    @BeforeEach
    void configureRegistryAndClearImages() {
        store.deletePrefix("config");
        store.deletePrefix("images");
        store.put("config/docker/registry/" + quotedRegistryName(), registry.url().toString());
        failingManifestPath.set(null);
        requests.clear();
    }

    @Test
    void rescan_writesExactlyTheContractKeysOfKernelImages() throws Exception {
        JobExecution execution = jobRunner.launch(RescanImagesJobConfiguration.JOB_NAME, Map.of());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(new TreeMap<>(store.getPrefix("images"))).containsExactlyEntriesOf(expectedImageKeys());
        RescanSummary summary = RescanSummary.of(execution);
        assertThat(summary.totals().tags()).isEqualTo(RescanFixtures.ACCEPTED.size() + RescanFixtures.SKIPPED.size());
        assertThat(summary.totals().records()).isEqualTo(RescanFixtures.ACCEPTED.size());
        assertThat(summary.totals().skippedByReason()).containsAllEntriesOf(Map.of(
                "no amd64 manifest", 1L, "architecture arm64 \u2260 amd64", 1L,
                "missing kernelspec", 1L, "unsupported kernelspec", 2L));
        assertThat(requests.matching("/v2/lablup/")).as("non-kernel repositories are never listed").isEmpty();
        assertThat(requests.matching("GET /v2/kernels/emptied/tags/list")).as("a repository without tags").hasSize(1);
        assertThat(summary.totals().repositories()).isEqualTo(3);
    }

    @Test
    void rescan_ofUnknownRegistry_failsNamingIt() throws Exception {
        JobExecution execution = jobRunner.launch(RescanImagesJobConfiguration.JOB_NAME,
                Map.of(RescanImagesJobConfiguration.REGISTRY_PARAMETER, "nowhere.example"));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(dev.imagesync.job.FailureDescription.firstOf(execution))
                .contains("unknown registry 'nowhere.example'");
        assertThat(store.getPrefix("images")).isEmpty();
    }

    @Test
    void restart_afterFailureMidScan_resumesAtCursorWithoutRefetchingCommittedTags() throws Exception {
        // Sorted, the python tags run 3.10-index, 3.10-list, 3.11-both, 3.11-container-config, 3.9-oci,
        // 3.9-schema2 | arm64-only, ...: with chunks of 2, the first three chunks commit and the fourth fails.
        failingManifestPath.set("/v2/kernels/python/manifests/arm64-only");
        JobExecution failed = jobRunner.launch(RescanImagesJobConfiguration.JOB_NAME, Map.of());

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        List<String> committed = List.of("3.10-index", "3.10-list", "3.11-both", "3.11-container-config",
                "3.9-oci", "3.9-schema2");
        Map<String, String> afterFailure = new TreeMap<>(store.getPrefix("images"));
        assertThat(afterFailure).isEqualTo(expectedKeysOfPythonTags(committed));

        failingManifestPath.set(null);
        requests.clear();
        JobExecution restarted = jobRunner.restart(failed.getId());

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
        assertThat(new TreeMap<>(store.getPrefix("images"))).containsExactlyEntriesOf(expectedImageKeys());
        for (String tag : committed) {
            assertThat(requests.matching("/manifests/" + tag)).as("manifest of committed tag %s", tag).isEmpty();
        }
        for (String tag : List.of("arm64-only", "arm64-single", "kernelspec-2", "kernelspec-abc", "no-kernelspec")) {
            assertThat(requests.matching("/v2/kernels/python/manifests/" + tag)).as("manifest of %s", tag).hasSize(1);
        }

        // The summary continues the failed execution's counts; its own work (what metrics add) does not repeat them.
        RescanSummary before = RescanSummary.of(failed);
        RescanSummary after = RescanSummary.of(restarted);
        int allTags = RescanFixtures.ACCEPTED.size() + RescanFixtures.SKIPPED.size();
        assertThat(after.totals().tags()).isEqualTo(allTags);
        assertThat(after.resumed().tags()).isEqualTo(before.totals().tags()).isGreaterThanOrEqualTo(committed.size());
        assertThat(before.ownWork().tags() + after.ownWork().tags()).isEqualTo(allTags);
        assertThat(before.ownWork().records() + after.ownWork().records()).isEqualTo(RescanFixtures.ACCEPTED.size());
        assertThat(after.render()).contains("resumed after " + before.totals().tags() + " tags");
    }

    private static String quotedRegistryName() {
        return registry.hostAndPort().replace(":", "%3A");
    }

    /** The CONTRACT §1 keys of every accepted fixture, built without imagesync's key code. */
    private Map<String, String> expectedImageKeys() {
        Map<String, String> expected = new TreeMap<>();
        for (String ref : RescanFixtures.ACCEPTED) {
            String[] parts = ref.split(":");
            Map<String, String> labels = parts[0].endsWith("tensorflow")
                    ? RescanFixtures.cudaLabels() : RescanFixtures.kernelLabels("1");
            expected.putAll(expectedKeys(parts[0], parts[1], labels));
        }
        return expected;
    }

    private Map<String, String> expectedKeysOfPythonTags(List<String> tags) {
        Map<String, String> expected = new TreeMap<>();
        for (String tag : tags) {
            expected.putAll(expectedKeys("kernels/python", tag, RescanFixtures.kernelLabels("1")));
        }
        return expected;
    }

    private Map<String, String> expectedKeys(String repository, String tag, Map<String, String> labels) {
        RegistryOracle.Image image = new RegistryOracle(registry.url()).image(repository, tag, "amd64");
        String repositoryKey = "images/" + quotedRegistryName() + "/" + repository.replace("/", "%2F");
        String tagKey = repositoryKey + "/" + tag;
        Map<String, String> keys = new HashMap<>();
        keys.put(repositoryKey, "1");
        keys.put(tagKey, image.configDigest());
        keys.put(tagKey + "/size_bytes", Long.toString(image.sizeBytes()));
        labels.forEach((name, value) -> keys.put(tagKey + "/labels/" + name, value));
        labels.forEach((name, value) -> {
            if (name.startsWith("ai.backend.resource.min.")) {
                keys.put(tagKey + "/resource/" + name.substring("ai.backend.resource.min.".length()) + "/min", value);
            }
        });
        if (labels.containsKey("ai.backend.accelerators")) {
            keys.put(tagKey + "/accels", labels.get("ai.backend.accelerators"));
        }
        return keys;
    }

    /** Counts registry requests and, when armed, answers one manifest path with 403 (a non-retried failure). */
    @TestConfiguration
    static class RegistryFaults {

        @Bean
        RequestLog requestLog() {
            return new RequestLog();
        }

        @Bean
        AtomicReference<String> failingManifestPath() {
            return new AtomicReference<>();
        }

        @Bean
        Interceptor failingManifest(AtomicReference<String> failingManifestPath) {
            return chain -> {
                if (chain.request().url().encodedPath().equals(failingManifestPath.get())) {
                    return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(403)
                            .message("Forbidden")
                            .body(ResponseBody.create("{\"errors\":[{\"code\":\"DENIED\"}]}",
                                    MediaType.get("application/json")))
                            .build();
                }
                return chain.proceed(chain.request());
            };
        }
    }
}
