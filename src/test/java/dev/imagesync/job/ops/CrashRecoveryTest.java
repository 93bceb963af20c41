package dev.imagesync.job.ops;

import dev.imagesync.app.ImagesyncApplication;
import dev.imagesync.etcd.KeyValueStore;
import dev.imagesync.etcd.NodeRegistry;
import dev.imagesync.job.JobRunner;
import dev.imagesync.job.rescan.RescanImagesJobConfiguration;
import dev.imagesync.testsupport.Await;
import dev.imagesync.testsupport.DockerRegistryServer;
import dev.imagesync.testsupport.EtcdServer;
import dev.imagesync.testsupport.ImagesyncProcess;
import dev.imagesync.testsupport.KernelCatalog;
import dev.imagesync.testsupport.LocalServices;
import dev.imagesync.testsupport.PostgresServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * rescan-images in a child JVM against a slowed-down registry, interrupted four ways (kill -9, SIGTERM of
 * the command and of {@code serve}, {@code stop} from another process), then resumed here through the shared PostgreSQL job repository. The
 * final etcd contents must equal those of an uninterrupted scan.
 */
@SpringBootTest(classes = ImagesyncApplication.class, properties = {
        "imagesync.cli.enabled=false",
        "imagesync.scan.architecture=amd64",
        "imagesync.scan.chunk-size=2",
        "imagesync.serve.lease-ttl=3s"})
class CrashRecoveryTest {

    private static final String NAMESPACE = EtcdServer.randomNamespace();
    private static final String DATABASE = LocalServices.postgres().newDatabase();
    private static final int TAGS = 12;
    private static final Pattern STARTED = Pattern.compile("rescan-images execution (\\d+) started");
    private static final Pattern SCHEDULED_STARTED = Pattern.compile("rescan-images execution (\\d+) started \\(instance");
    @AutoClose("stop")
    private static DockerRegistryServer registry;
    private static SortedMap<String, String> uninterrupted;

    @Autowired
    JobRunner jobRunner;
    @Autowired
    ExecutionRecovery recovery;
    @Autowired
    ExecutionOwnership ownership;
    @Autowired
    KeyValueStore store;
    @Autowired
    NodeRegistry nodes;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry properties) {
        properties.add("imagesync.etcd.endpoints", () -> LocalServices.etcd().endpoint());
        properties.add("imagesync.etcd.namespace", () -> NAMESPACE);
        properties.add("spring.datasource.url", () -> DATABASE);
        properties.add("spring.datasource.username", () -> PostgresServer.USER);
        properties.add("spring.datasource.password", () -> "");
        properties.add("spring.data.redis.port", () -> LocalServices.redis().port());
    }

    @BeforeAll
    static void pushCatalog() {
        registry = DockerRegistryServer.builder().start();
        KernelCatalog.push(registry.url(), "kernels/crash", TAGS);
    }

    @BeforeEach
    void configureRegistry() throws Exception {
        store.put("config/docker/registry/" + KernelCatalog.quotedName(registry), registry.url().toString());
        if (uninterrupted == null) {
            store.deletePrefix("images");
            assertThat(jobRunner.launch(RescanImagesJobConfiguration.JOB_NAME, Map.of()).getStatus())
                    .isEqualTo(BatchStatus.COMPLETED);
            uninterrupted = new TreeMap<>(store.getPrefix("images"));
            assertThat(uninterrupted).hasSizeGreaterThan(TAGS);
        }
        store.deletePrefix("images");
    }

    @Test
    void killedMidScan_isLeftAloneWhileItsLeaseLives_thenRecoveredAndResumed() throws Exception {
        long id;
        try (ImagesyncProcess child = ImagesyncProcess.start(childArgs())) {
            id = Long.parseLong(child.awaitOutput(STARTED, Duration.ofSeconds(60)));
            awaitWritten(id);
            child.kill();
        }

        assertThat(jobRunner.execution(id).orElseThrow().getStatus()).isEqualTo(BatchStatus.STARTED);
        assertThatThrownBy(() -> recovery.recoverIfOrphaned(id))
                .hasMessageContaining("execution " + id + " is STARTED on instance")
                .hasMessageContaining("which is alive: not touched");
        Await.until(Duration.ofSeconds(10), () -> ownership.ownerOf(id).isEmpty());
        assertThat(recovery.lastRestartable()).get().extracting(JobExecution::getId).isEqualTo(id);

        recovery.recoverIfOrphaned(id);
        JobExecution resumed = jobRunner.restart(id);

        assertResumedToTheUninterruptedResult(id, resumed);
    }

    @Test
    void sigterm_stopsAtAChunkBoundary_endsStopped_andRestarts() throws Exception {
        long id;
        try (ImagesyncProcess child = ImagesyncProcess.start(childArgs())) {
            id = Long.parseLong(child.awaitOutput(STARTED, Duration.ofSeconds(60)));
            awaitWritten(id);
            child.terminate(Duration.ofSeconds(30));
        }

        JobExecution stopped = jobRunner.execution(id).orElseThrow();
        assertThat(stopped.getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(ownership.ownerOf(id)).isEmpty();
        assertResumedToTheUninterruptedResult(id, jobRunner.restart(id));
    }

    @Test
    void stopFromAnotherProcess_endsTheExecutionStopped_andItRestarts() throws Exception {
        long id;
        try (ImagesyncProcess child = ImagesyncProcess.start(childArgs())) {
            id = Long.parseLong(child.awaitOutput(STARTED, Duration.ofSeconds(60)));
            awaitWritten(id);
            jobRunner.stop(id);
            assertThat(child.awaitExit(Duration.ofSeconds(30))).isEqualTo(1);
        }

        assertThat(jobRunner.execution(id).orElseThrow().getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertResumedToTheUninterruptedResult(id, jobRunner.restart(id));
    }

    @Test
    void serve_onSigterm_stopsTheScheduledScanAtAChunkBoundary_deregisters_andExits() throws Exception {
        long id;
        try (ImagesyncProcess child = ImagesyncProcess.start(serveArgs())) {
            id = Long.parseLong(child.awaitOutput(SCHEDULED_STARTED, Duration.ofSeconds(60)));
            awaitWritten(id);
            assertThat(nodes.list()).hasSize(1);
            child.terminate(Duration.ofSeconds(30));
            assertThat(child.output()).contains("shutting down: stopping rescan-images execution " + id);
        }

        JobExecution stopped = jobRunner.execution(id).orElseThrow();
        assertThat(stopped.getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(stopped.getJobParameters().getLocalDateTime(JobRunner.SCHEDULED_AT)).isNotNull();
        assertThat(ownership.ownerOf(id)).isEmpty();
        assertThat(nodes.list()).isEmpty();
        assertResumedToTheUninterruptedResult(id, jobRunner.restart(id));
    }

    private void assertResumedToTheUninterruptedResult(long interruptedId, JobExecution resumed) {
        JobExecution interrupted = jobRunner.execution(interruptedId).orElseThrow();
        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(resumed.getJobInstance().getInstanceId()).isEqualTo(interrupted.getJobInstance().getInstanceId());
        assertThat(writeCount(interrupted)).as("chunks committed before the interruption").isBetween(2L, TAGS - 1L);
        assertThat(writeCount(interrupted) + writeCount(resumed)).as("no tag written twice").isEqualTo(TAGS);
        assertThat(new TreeMap<>(store.getPrefix("images"))).containsExactlyEntriesOf(uninterrupted);
    }

    private List<String> childArgs() {
        List<String> args = new ArrayList<>(serviceArgs());
        args.addAll(List.of("rescan-images", "--quiet"));
        return args;
    }

    private List<String> serveArgs() {
        List<String> args = new ArrayList<>(serviceArgs());
        args.addAll(List.of("--server.port=0", "--imagesync.schedule.rescan-cron=* * * * * *", "serve"));
        return args;
    }

    private List<String> serviceArgs() {
        return List.of("--imagesync.etcd.endpoints=" + LocalServices.etcd().endpoint(),
                "--imagesync.etcd.namespace=" + NAMESPACE,
                "--spring.datasource.url=" + DATABASE, "--spring.datasource.username=" + PostgresServer.USER,
                "--spring.datasource.password=", "--spring.data.redis.port=" + LocalServices.redis().port(),
                "--imagesync.scan.architecture=amd64", "--imagesync.scan.chunk-size=2",
                "--imagesync.serve.lease-ttl=3s", "--imagesync.test.manifest-delay=700ms",
                // Two fetches at a time, as many as a chunk holds: tags fetched ahead must not shorten the scan.
                "--imagesync.registry.concurrency=2");
    }

    private void awaitWritten(long id) throws InterruptedException {
        Await.until(Duration.ofSeconds(30), () -> jobRunner.execution(id).map(CrashRecoveryTest::writeCount)
                .orElse(0L) >= 2);
    }

    private static long writeCount(JobExecution execution) {
        return execution.getStepExecutions().stream().filter(step -> step.getStepName().contains(":"))
                .mapToLong(StepExecution::getWriteCount).sum();
    }
}
