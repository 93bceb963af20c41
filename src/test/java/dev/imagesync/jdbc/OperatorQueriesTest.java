package dev.imagesync.jdbc;

import dev.imagesync.app.ImagesyncApplication;
import dev.imagesync.etcd.KeyValueStore;
import dev.imagesync.job.JobRunner;
import dev.imagesync.job.rescan.RescanImagesJobConfiguration;
import dev.imagesync.registry.ImagePusher;
import dev.imagesync.registry.ImageSpec;
import dev.imagesync.testsupport.EtcdServer;
import dev.imagesync.testsupport.DockerRegistryServer;
import dev.imagesync.testsupport.TestContextProperties;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator queries shipped in sql/ run against a job repository that saw a good and a broken registry. */
@SpringBootTest(classes = ImagesyncApplication.class)
class OperatorQueriesTest {

    private static final String NAMESPACE = EtcdServer.randomNamespace();

    @Autowired
    JobRunner jobRunner;
    @Autowired
    KeyValueStore store;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry properties) {
        TestContextProperties.register(properties, NAMESPACE);
    }

    @Test
    void queries_reportTheLastCompletedScanPerRegistryAndTheFailures() throws Exception {
        DockerRegistryServer registry = DockerRegistryServer.builder().start();
        try (ImagePusher pusher = new ImagePusher(registry.url())) {
            pusher.pushImage("queries/python", "1", ImageSpec.single("amd64", Map.of("ai.backend.kernelspec", "1")));
        }
        store.put("config/docker/registry/good", registry.url().toString());
        store.put("config/docker/registry/broken", "http://127.0.0.1:9");
        store.put("config/docker/registry/broken/type", "no-such-type");
        JobExecution execution = jobRunner.launch(RescanImagesJobConfiguration.JOB_NAME, Map.of());
        registry.stop();
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);

        List<Map<String, Object>> lastScans = query("last-scan-per-registry.sql");
        List<Map<String, Object>> failedExecutions = query("failed-executions.sql");
        List<Map<String, Object>> registryFailures = query("registry-failures.sql");

        assertThat(lastScans).singleElement().satisfies(row -> {
            assertThat(row.get("REGISTRY")).isEqualTo("good");
            assertThat(row.get("EXECUTION_ID")).isEqualTo(execution.getId());
        });
        assertThat(failedExecutions).anySatisfy(row -> assertThat(row.get("EXECUTION_ID")).isEqualTo(execution.getId()));
        assertThat(registryFailures).singleElement().satisfies(row -> {
            assertThat(row.get("REGISTRY")).isEqualTo("broken");
            assertThat(String.valueOf(row.get("EXIT_MESSAGE"))).contains("no-such-type");
        });
    }

    private List<Map<String, Object>> query(String file) throws Exception {
        return jdbc.queryForList(Files.readString(Path.of("sql", file)).replaceAll("(?m)^--.*$", "").strip()
                .replaceAll(";$", ""));
    }
}
