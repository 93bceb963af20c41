package dev.imagesync.job.rescan;

import dev.imagesync.app.ImagesyncApplication;
import dev.imagesync.etcd.KeyValueStore;
import dev.imagesync.job.JobRunner;
import dev.imagesync.registry.ImagePusher;
import dev.imagesync.registry.ImageSpec;
import dev.imagesync.testsupport.DockerRegistryServer;
import dev.imagesync.testsupport.EtcdServer;
import dev.imagesync.testsupport.TestContextProperties;
import dev.imagesync.testsupport.RegistryOracle;
import dev.imagesync.testsupport.RequestLog;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Incremental rescans and prune against a real docker-registry and etcd: what is fetched again, what is
 * rewritten, and what is removed.
 */
@SpringBootTest(classes = {ImagesyncApplication.class, IncrementalRescanTest.Requests.class}, properties = {
        "imagesync.scan.architecture=amd64",
        "imagesync.scan.chunk-size=4"})
class IncrementalRescanTest {

    private static final String NAMESPACE = EtcdServer.randomNamespace();
    private static final int TAGS = 3;

    @Autowired
    JobRunner jobRunner;
    @Autowired
    KeyValueStore store;
    @Autowired
    RequestLog requests;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AtomicBoolean noDigestOnHead;

    @AutoClose("stop")
    private DockerRegistryServer registry;
    private String registryKey;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry properties) {
        TestContextProperties.register(properties, NAMESPACE);
    }

    @BeforeEach
    void freshRegistryWithTwoRepositories() {
        registry = DockerRegistryServer.builder().start();
        try (ImagePusher pusher = new ImagePusher(registry.url())) {
            for (String repository : new String[] {"kernels/python", "kernels/r"}) {
                for (int tag = 0; tag < TAGS; tag++) {
                    pusher.pushImage(repository, "v" + tag, ImageSpec.single("amd64", RescanFixtures.kernelLabels("1")));
                }
            }
        }
        store.deletePrefix("config");
        store.deletePrefix("images");
        jdbc.update("DELETE FROM IMAGESYNC_TAG_DIGEST");
        noDigestOnHead.set(false);
        registryKey = registry.hostAndPort().replace(":", "%3A");
        store.put("config/docker/registry/" + registryKey, registry.url().toString());
    }

    @Test
    void secondScanWithNothingChanged_headsEachTagAndFetchesNoManifestOrConfig() throws Exception {
        RescanSummary first = scan(Map.of());
        Map<String, String> afterFirst = new TreeMap<>(store.getPrefix("images"));
        requests.clear();

        RescanSummary second = scan(Map.of());

        assertThat(first.totals().created()).isEqualTo(2 * TAGS);
        assertThat(second.totals().unchanged()).isEqualTo(2 * TAGS);
        assertThat(second.totals().records()).isZero();
        assertThat(requests.matching("HEAD /v2/")).hasSize(2 * TAGS);
        assertThat(requests.matching("GET /v2/kernels/python/manifests/")).isEmpty();
        assertThat(requests.matching("/blobs/")).isEmpty();
        assertThat(new TreeMap<>(store.getPrefix("images"))).isEqualTo(afterFirst);
    }

    @Test
    void recordDeletedByHand_isRewrittenByTheNextIncrementalScan() throws Exception {
        scan(Map.of());
        Map<String, String> complete = new TreeMap<>(store.getPrefix("images"));
        store.deletePrefix(tagPath("kernels/python", "v1"));
        requests.clear();

        RescanSummary summary = scan(Map.of());

        assertThat(summary.totals().updated()).isEqualTo(1);
        assertThat(summary.totals().unchanged()).isEqualTo(2 * TAGS - 1);
        assertThat(requests.matching("GET /v2/kernels/python/manifests/v1")).hasSize(1);
        assertThat(new TreeMap<>(store.getPrefix("images"))).isEqualTo(complete);
    }

    @Test
    void repushedTagWithANewLabel_isRewrittenWithIt() throws Exception {
        scan(Map.of());
        Map<String, String> labels = new HashMap<>(RescanFixtures.kernelLabels("1"));
        labels.put("ai.backend.new-label", "yes");
        try (ImagePusher pusher = new ImagePusher(registry.url())) {
            pusher.pushImage("kernels/r", "v2", ImageSpec.single("amd64", labels));
        }

        RescanSummary summary = scan(Map.of());

        assertThat(summary.totals().updated()).isEqualTo(1);
        assertThat(store.get(tagPath("kernels/r", "v2") + "/labels/ai.backend.new-label")).hasValue("yes");
        assertThat(store.get(tagPath("kernels/r", "v2"))).hasValue(
                new RegistryOracle(registry.url()).image("kernels/r", "v2", "amd64").configDigest());
    }

    @Test
    void registryWithoutDigestOnHead_fallsBackToGetAndStillWritesNothingUnchanged() throws Exception {
        scan(Map.of());
        Map<String, String> afterFirst = new TreeMap<>(store.getPrefix("images"));
        requests.clear();
        noDigestOnHead.set(true);

        RescanSummary summary = scan(Map.of());

        assertThat(summary.totals().unchanged()).isEqualTo(2 * TAGS);
        assertThat(summary.totals().records()).isZero();
        assertThat(requests.matching("GET /v2/kernels/r/manifests/")).hasSize(TAGS);
        assertThat(new TreeMap<>(store.getPrefix("images"))).isEqualTo(afterFirst);
    }

    @Test
    void fullScan_fetchesEveryTagAgain() throws Exception {
        scan(Map.of());
        requests.clear();

        RescanSummary summary = scan(Map.of(ScanMode.FULL, "true"));

        assertThat(summary.totals().updated()).isEqualTo(2 * TAGS);
        assertThat(requests.matching("HEAD /v2/")).isEmpty();
        assertThat(requests.matching("GET /v2/kernels/r/manifests/")).hasSize(TAGS);
    }

    @Test
    void prune_removesRecordsOfDeletedTagsAndEmptiedRepositories_andReportsTheirAliases() throws Exception {
        scan(Map.of());
        String gone = registry.hostAndPort() + "/kernels/python:v0";
        store.put("images/_aliases/python-old", gone);
        RegistryOracle oracle = new RegistryOracle(registry.url());
        oracle.deleteTag("kernels/python", "v0");
        for (int tag = 0; tag < TAGS; tag++) {
            oracle.deleteTag("kernels/r", "v" + tag);
        }

        RescanSummary dryRun = scan(Map.of(ScanMode.PRUNE, "true", ScanMode.DRY_RUN, "true"));
        assertThat(dryRun.totals().pruned()).isEqualTo(1 + TAGS);
        assertThat(store.get(tagPath("kernels/python", "v0"))).as("a dry run removes nothing").isPresent();

        RescanSummary pruned = scan(Map.of(ScanMode.PRUNE, "true"));

        assertThat(pruned.totals().pruned()).isEqualTo(1 + TAGS);
        assertThat(pruned.totals().orphanedAliases()).isEqualTo(1);
        assertThat(store.getPrefix(tagPath("kernels/python", "v0"))).isEmpty();
        assertThat(store.get(tagPath("kernels/python", "v1"))).isPresent();
        assertThat(store.getPrefix("images/" + registryKey + "/kernels%2Fr")).as("marker and tags").isEmpty();
        assertThat(store.get("images/_aliases/python-old")).as("aliases are reported, never removed").hasValue(gone);
    }

    @Test
    void prune_leavesAFailedRegistryAlone() throws Exception {
        scan(Map.of());
        new RegistryOracle(registry.url()).deleteTag("kernels/python", "v0");
        store.put("config/docker/registry/" + registryKey + "/type", "no-such-type");

        JobExecution failed = jobRunner.launch(RescanImagesJobConfiguration.JOB_NAME, Map.of(ScanMode.PRUNE, "true"));

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(store.get(tagPath("kernels/python", "v0"))).isPresent();
    }

    private RescanSummary scan(Map<String, String> parameters) throws Exception {
        JobExecution execution = jobRunner.launch(RescanImagesJobConfiguration.JOB_NAME, parameters);
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return RescanSummary.of(execution);
    }

    private String tagPath(String repository, String tag) {
        return "images/" + registryKey + "/" + repository.replace("/", "%2F") + "/" + tag;
    }

    @TestConfiguration
    static class Requests {
        @Bean
        RequestLog requestLog() {
            return new RequestLog();
        }

        @Bean
        AtomicBoolean noDigestOnHead() {
            return new AtomicBoolean();
        }

        /** When set, answers HEADs without Docker-Content-Digest, as some registries do. */
        @Bean
        Interceptor stripDigestFromHead(AtomicBoolean noDigestOnHead) {
            return chain -> {
                Response response = chain.proceed(chain.request());
                if (noDigestOnHead.get() && chain.request().method().equals("HEAD")) {
                    return response.newBuilder().removeHeader("Docker-Content-Digest").build();
                }
                return response;
            };
        }
    }
}
