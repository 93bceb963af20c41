package dev.imagesync.job.rescan;

import dev.imagesync.app.ImagesyncApplication;
import dev.imagesync.etcd.KeyValueStore;
import dev.imagesync.job.JobRunner;
import dev.imagesync.testsupport.EtcdServer;
import dev.imagesync.testsupport.MockDistributionRegistry;
import dev.imagesync.testsupport.TestContextProperties;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.imagesync.job.rescan.MockRegistryExpectations.allKeys;
import static dev.imagesync.job.rescan.MockRegistryExpectations.configure;
import static dev.imagesync.job.rescan.MockRegistryExpectations.imagesOf;
import static dev.imagesync.job.rescan.MockRegistryExpectations.quotedName;
import static dev.imagesync.testsupport.MockDistributionRegistry.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Harbor v2 on MockWebServer, counting requests: the artifact list gives every tag's digest a page at a time,
 * so an incremental scan of an unchanged project costs the listings only — no HEAD, manifest or config — and
 * the tags whose listed digest changed are the only ones fetched again.
 */
@SpringBootTest(classes = ImagesyncApplication.class, properties = "imagesync.scan.architecture=amd64")
class HarborV2IncrementalRescanTest {

    private static final String NAMESPACE = EtcdServer.randomNamespace();
    private static final String PROJECT = "kernels";

    @Autowired
    JobRunner jobRunner;
    @Autowired
    KeyValueStore store;

    @AutoClose
    private MockDistributionRegistry registry;
    private volatile String repushed;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry properties) {
        TestContextProperties.register(properties, NAMESPACE);
    }

    @BeforeEach
    void harborProjectOfThreeRepositories() {
        store.deletePrefix("");
        // Repositories kernels/r0..r2 are what the Registry v2 API serves; the Harbor API describes them.
        registry = new MockDistributionRegistry(3, 4);
        registry.setFault(request -> harborApi(request.getUrl().encodedPath()));
        configure(store, registry);
        String key = "config/docker/registry/" + quotedName(registry);
        store.put(key + "/type", "harbor2");
        store.put(key + "/project", PROJECT);
        store.put(key + "/username", "robot");
        store.put(key + "/password", "secret");
    }

    @Test
    void unchangedProject_costsOneRequestPerListingPage_andAChangedDigestRefetchesThatTagOnly() throws Exception {
        RescanSummary full = scan();
        Map<String, Long> fullRequests = requestsByKind();
        registry.clearRequests();

        RescanSummary unchanged = scan();
        Map<String, Long> unchangedRequests = requestsByKind();
        registry.clearRequests();
        repushed = "t2";
        RescanSummary changed = scan();

        assertThat(full.totals().created()).isEqualTo(12);
        assertThat(imagesOf(store, registry)).isEqualTo(allKeys(registry));
        assertThat(fullRequests).containsEntry("repositories", 1L).containsEntry("artifacts", 3L)
                .containsEntry("GET manifests", 12L).containsEntry("GET blobs", 12L);
        assertThat(unchanged.totals().unchanged()).isEqualTo(12);
        assertThat(unchangedRequests).isEqualTo(Map.of("repositories", 1L, "artifacts", 3L));
        // t2 of each repository is listed with another digest now: those three are fetched again, nothing else,
        // and as what they serve is still what was written, they are not rewritten.
        assertThat(changed.totals().unchanged()).isEqualTo(12);
        assertThat(changed.totals().records()).isZero();
        assertThat(requestsByKind()).isEqualTo(Map.of("repositories", 1L, "artifacts", 3L,
                "GET manifests", 3L, "GET blobs", 3L));
    }

    private MockResponse harborApi(String path) {
        String repositories = "/api/v2.0/projects/" + PROJECT + "/repositories";
        if (path.equals(repositories)) {
            return json(registry.tagsByRepository().keySet().stream()
                    .map(name -> "{\"name\":\"" + name + "\"}").collect(Collectors.joining(",", "[", "]")));
        }
        if (path.startsWith(repositories + "/") && path.endsWith("/artifacts")) {
            String repository = PROJECT + "/" + path.substring(repositories.length() + 1, path.length() - "/artifacts".length());
            List<String> tags = registry.tagsByRepository().get(repository);
            return json(tags.stream().map(tag -> "{\"digest\":\"" + listedDigest(repository, tag)
                    + "\",\"tags\":[{\"name\":\"" + tag + "\"}]}").collect(Collectors.joining(",", "[", "]")));
        }
        return null;
    }

    private String listedDigest(String repository, String tag) {
        return tag.equals(repushed) ? "sha256:" + "f".repeat(64) : registry.manifestDigest(repository, tag);
    }

    private Map<String, Long> requestsByKind() {
        return registry.paths().stream().collect(Collectors.groupingBy(path -> {
            if (path.endsWith("/artifacts")) {
                return "artifacts";
            }
            if (path.startsWith("/api/")) {
                return "repositories";
            }
            return path.contains("/manifests/") ? "GET manifests" : path.contains("/blobs/") ? "GET blobs" : path;
        }, Collectors.counting()));
    }

    private RescanSummary scan() throws Exception {
        JobExecution execution = jobRunner.launch(RescanImagesJobConfiguration.JOB_NAME, Map.of());
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return RescanSummary.of(execution);
    }
}
