package dev.imagesync.job.rescan;

import dev.imagesync.app.ImagesyncApplication;
import dev.imagesync.etcd.KeyValueStore;
import dev.imagesync.job.FailureDescription;
import dev.imagesync.job.JobRunner;
import dev.imagesync.testsupport.EtcdServer;
import dev.imagesync.testsupport.TestContextProperties;
import dev.imagesync.testsupport.MockDistributionRegistry;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;
import java.util.TreeMap;

import static dev.imagesync.job.rescan.MockRegistryExpectations.allKeys;
import static dev.imagesync.job.rescan.MockRegistryExpectations.configure;
import static dev.imagesync.job.rescan.MockRegistryExpectations.imagesOf;
import static dev.imagesync.job.rescan.MockRegistryExpectations.quotedName;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two registries, one broken: the healthy one's keys land in etcd, the execution fails naming the broken one,
 * and a restart after the repair scans the broken one only.
 */
@SpringBootTest(classes = ImagesyncApplication.class, properties = {
        "imagesync.scan.architecture=amd64",
        "imagesync.scan.chunk-size=4",
        "imagesync.registry.max-retries=1",
        "imagesync.registry.initial-backoff=5ms"})
class RescanRegistryIsolationTest {

    private static final String NAMESPACE = EtcdServer.randomNamespace();

    @Autowired
    JobRunner jobRunner;
    @Autowired
    KeyValueStore store;

    @AutoClose
    private MockDistributionRegistry healthy;
    @AutoClose
    private MockDistributionRegistry broken;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry properties) {
        TestContextProperties.register(properties, NAMESPACE);
    }

    @BeforeEach
    void startRegistries() {
        store.deletePrefix("");
        healthy = new MockDistributionRegistry(2, 5);
        broken = new MockDistributionRegistry(3, 3);
        configure(store, healthy);
        configure(store, broken);
    }

    @Test
    void serverErrorForever_failsThatRegistryOnly_andRestartAfterRepairScansOnlyIt() throws Exception {
        broken.setFault(request -> MockDistributionRegistry.status(500));

        JobExecution failed = jobRunner.launch(RescanImagesJobConfiguration.JOB_NAME, Map.of());

        assertFailedOnlyFor(failed, "unavailable");
        assertThat(brokenOutcome(failed).failure()).contains("HTTP 500");

        broken.heal();
        assertRestartScansOnlyTheBrokenRegistry(failed);
    }

    @Test
    void misconfiguredType_failsThatRegistryOnly_andRestartAfterFixingEtcdScansOnlyIt() throws Exception {
        store.put("config/docker/registry/" + quotedName(broken) + "/type", "quay");

        JobExecution failed = jobRunner.launch(RescanImagesJobConfiguration.JOB_NAME, Map.of());

        assertFailedOnlyFor(failed, "misconfigured");
        assertThat(brokenOutcome(failed).failure()).contains("unknown registry type 'quay'");
        assertThat(broken.paths()).as("a misconfigured registry is never contacted").isEmpty();

        store.put("config/docker/registry/" + quotedName(broken) + "/type", "docker");
        assertRestartScansOnlyTheBrokenRegistry(failed);
    }

    private void assertFailedOnlyFor(JobExecution failed, String problem) {
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        RescanSummary summary = RescanSummary.of(failed);
        assertThat(summary.registries()).extracting(RescanSummary.RegistryOutcome::registry, RescanSummary.RegistryOutcome::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(healthy.hostAndPort(), BatchStatus.COMPLETED),
                        org.assertj.core.groups.Tuple.tuple(broken.hostAndPort(), BatchStatus.FAILED));
        assertThat(summary.registries()).filteredOn(outcome -> outcome.status() == BatchStatus.FAILED)
                .singleElement().satisfies(outcome -> assertThat(outcome.failure())
                        .contains("registry '" + broken.hostAndPort() + "'").contains(problem));
        // Not FailureDescription.firstOf: getAllFailureExceptions() is a HashSet, so "first" may be the
        // manager step's "Partition handler returned an unsuccessful step" instead of the registry's cause.
        assertThat(failed.getAllFailureExceptions()).extracting(FailureDescription::of)
                .anySatisfy(description -> assertThat(description).contains(broken.hostAndPort()));
        assertThat(imagesOf(store, healthy)).isEqualTo(allKeys(healthy));
        assertThat(imagesOf(store, broken)).isEmpty();
    }

    private RescanSummary.RegistryOutcome brokenOutcome(JobExecution execution) {
        return RescanSummary.of(execution).registries().stream()
                .filter(outcome -> outcome.registry().equals(broken.hostAndPort())).findFirst().orElseThrow();
    }

    private void assertRestartScansOnlyTheBrokenRegistry(JobExecution failed) throws Exception {
        healthy.clearRequests();
        broken.clearRequests();

        JobExecution restarted = jobRunner.restart(failed.getId());

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(healthy.paths()).as("the completed registry is not scanned again").isEmpty();
        assertThat(broken.paths()).filteredOn(path -> path.contains("/manifests/")).hasSize(9);
        Map<String, String> expected = new TreeMap<>(allKeys(healthy));
        expected.putAll(allKeys(broken));
        assertThat(new TreeMap<>(store.getPrefix("images"))).containsExactlyEntriesOf(expected);
    }
}
