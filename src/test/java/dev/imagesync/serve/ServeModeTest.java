package dev.imagesync.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imagesync.app.ImagesyncApplication;
import dev.imagesync.etcd.JetcdKeyValueStore;
import dev.imagesync.etcd.NodeInfo;
import dev.imagesync.etcd.NodeRegistry;
import dev.imagesync.job.JobRunner;
import dev.imagesync.job.ops.RedisProgressSink;
import dev.imagesync.testsupport.Await;
import dev.imagesync.testsupport.DockerRegistryServer;
import dev.imagesync.testsupport.EtcdServer;
import dev.imagesync.testsupport.KernelCatalog;
import dev.imagesync.testsupport.LocalServices;
import dev.imagesync.testsupport.PostgresServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two serve instances sharing one etcd namespace and one PostgreSQL job repository, scheduled every two
 * seconds: each firing runs exactly once; both are registered; metrics, health, progress in Redis and the
 * token-guarded job endpoints.
 */
class ServeModeTest {

    private static final String TOKEN = "s3cret-token";
    private static final String NAMESPACE = EtcdServer.randomNamespace();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> progressMessages = new CopyOnWriteArrayList<>();

    private static DockerRegistryServer registry;
    private static ConfigurableApplicationContext guarded;
    private static ConfigurableApplicationContext open;
    private static RedisClient redis;
    private static StatefulRedisPubSubConnection<String, String> subscription;

    @BeforeAll
    static void startTwoInstances() {
        registry = DockerRegistryServer.builder().start();
        KernelCatalog.push(registry.url(), "kernels/serve", 3);
        try (JetcdKeyValueStore store = new JetcdKeyValueStore(LocalServices.etcd().propertiesFor(NAMESPACE))) {
            store.put("config/docker/registry/" + KernelCatalog.quotedName(registry), registry.url().toString());
        }
        redis = RedisClient.create("redis://127.0.0.1:" + LocalServices.redis().port());
        subscription = redis.connectPubSub();
        subscription.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                progressMessages.add(message);
            }
        });
        subscription.sync().subscribe(RedisProgressSink.CHANNEL);
        String database = LocalServices.postgres().newDatabase();
        guarded = serve(database, "--imagesync.serve.token=" + TOKEN);
        open = serve(database);
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {guarded, open}) {
            if (context != null) {
                context.close();
            }
        }
        if (subscription != null) {
            subscription.close();
            redis.shutdown();
        }
        registry.stop();
    }

    @Test
    void everyFiring_runsOnExactlyOneInstance() throws Exception {
        List<JobExecution> scheduled = Await.value(Duration.ofSeconds(30), () -> {
            List<JobExecution> completed = scheduledExecutions().stream()
                    .filter(execution -> execution.getStatus() == BatchStatus.COMPLETED).toList();
            return completed.size() >= 3 ? completed : null;
        });

        Map<LocalDateTime, Long> executionsPerFiring = scheduledExecutions().stream().collect(Collectors.groupingBy(
                execution -> execution.getJobParameters().getLocalDateTime(JobRunner.SCHEDULED_AT),
                Collectors.counting()));
        assertThat(executionsPerFiring).allSatisfy((firing, count) -> assertThat(count).as(firing.toString()).isOne());
        assertThat(scheduled).allSatisfy(execution -> assertThat(
                execution.getJobParameters().getLocalDateTime(JobRunner.SCHEDULED_AT).getSecond() % 2).isZero());
    }

    @Test
    void bothInstances_areRegisteredUnderNodes() {
        List<String> ids = guarded.getBean(NodeRegistry.class).list().stream().map(NodeInfo::id).toList();
        assertThat(ids).containsExactlyInAnyOrder(guarded.getBean(ServeProperties.class).instanceId(),
                open.getBean(ServeProperties.class).instanceId());
    }

    @Test
    void prometheusEndpoint_showsBatchObservationsAndTheProjectsCounters() throws Exception {
        Await.value(Duration.ofSeconds(30), () -> scheduledExecutions().stream()
                .filter(execution -> execution.getStatus() == BatchStatus.COMPLETED).findAny().orElse(null));
        String metrics = Await.value(Duration.ofSeconds(10), () -> {
            String both = get(guarded, "/actuator/prometheus", null).body() + get(open, "/actuator/prometheus", null).body();
            return both.contains("imagesync_scan_tags_total") ? both : null;
        });

        assertThat(metrics).contains("spring_batch_job_seconds_count", "spring_batch_step_seconds_count",
                "imagesync_scan_records_written_total", "imagesync_scan_keys_written_total",
                "imagesync_registry_requests_total{method=\"GET\",status=\"200\"}",
                "imagesync_job_executions_total{job=\"rescan-images\",status=\"COMPLETED\"}");
        assertThat(get(guarded, "/actuator/health", null).body()).contains("\"status\":\"UP\"");
    }

    @Test
    void jobEndpoints_needTheToken_andAreOffWithoutOne() throws Exception {
        assertThat(post(guarded, "/jobs/rescan-images", null).statusCode()).isEqualTo(401);
        assertThat(post(guarded, "/jobs/rescan-images", "wrong").statusCode()).isEqualTo(401);
        assertThat(get(guarded, "/jobs/executions", null).statusCode()).isEqualTo(401);
        assertThat(post(open, "/jobs/rescan-images", TOKEN).statusCode()).isEqualTo(404);
        assertThat(post(guarded, "/jobs/no-such-job", TOKEN).statusCode()).isEqualTo(404);

        HttpResponse<String> launched = post(guarded, "/jobs/rescan-images?registry=" + registry.hostAndPort(), TOKEN);

        assertThat(launched.statusCode()).isEqualTo(202);
        long id = new ObjectMapper().readTree(launched.body()).get("executionId").asLong();
        JobRunner jobRunner = guarded.getBean(JobRunner.class);
        JobExecution execution = Await.value(Duration.ofSeconds(20), () -> jobRunner.execution(id)
                .filter(e -> !e.isRunning()).orElse(null));
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getJobParameters().getString("registry")).isEqualTo(registry.hostAndPort());
        assertThat(get(guarded, "/jobs/executions?limit=50", TOKEN).body()).contains("\"id\":" + id);
    }

    @Test
    void restartEndpoint_answersWithTheNewExecution_andRefusesWhatCannotBeRestarted() throws Exception {
        // A launch naming a registry that is not configured fails in the partitioner: a FAILED execution.
        long failedId = executionId(post(guarded, "/jobs/rescan-images?registry=not-configured.example", TOKEN));
        JobExecution failed = ended(failedId);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);

        HttpResponse<String> restarted = post(guarded, "/jobs/executions/" + failedId + "/restart", TOKEN);

        assertThat(restarted.statusCode()).isEqualTo(202);
        long restartedId = executionId(restarted);
        assertThat(restartedId).isNotEqualTo(failedId);
        assertThat(ended(restartedId).getJobInstance().getInstanceId())
                .isEqualTo(failed.getJobInstance().getInstanceId());
        long completedId = executionId(post(guarded, "/jobs/rescan-images?registry=" + registry.hostAndPort(), TOKEN));
        assertThat(ended(completedId).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        HttpResponse<String> refused = post(guarded, "/jobs/executions/" + completedId + "/restart", TOKEN);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("is COMPLETED and cannot be restarted");
        assertThat(post(guarded, "/jobs/executions/999999/restart", TOKEN).statusCode()).isEqualTo(404);
    }

    private static long executionId(HttpResponse<String> accepted) throws Exception {
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return new ObjectMapper().readTree(accepted.body()).get("executionId").asLong();
    }

    private static JobExecution ended(long executionId) throws Exception {
        JobRunner jobRunner = guarded.getBean(JobRunner.class);
        return Await.value(Duration.ofSeconds(20), () -> jobRunner.execution(executionId)
                .filter(execution -> !execution.isRunning()).orElse(null));
    }

    @Test
    void progress_isPublishedAsARedisHashAndMessages() throws Exception {
        JobExecution done = Await.value(Duration.ofSeconds(30), () -> scheduledExecutions().stream()
                .filter(execution -> execution.getStatus() == BatchStatus.COMPLETED).findFirst().orElse(null));
        String key = RedisProgressSink.KEY_PREFIX + done.getId();

        try (StatefulRedisConnection<String, String> connection = redis.connect()) {
            Map<String, String> hash = Await.value(Duration.ofSeconds(10), () -> {
                Map<String, String> fields = connection.sync().hgetall(key);
                return "COMPLETED".equals(fields.get("status")) ? fields : null;
            });
            assertThat(hash).containsKeys("current", "total", "message", "updated-at");
            assertThat(hash.get("current")).isEqualTo(hash.get("total")).isEqualTo("3");
            assertThat(connection.sync().ttl(key)).isBetween(1L, Duration.ofDays(1).toSeconds());
        }
        assertThat(progressMessages).anySatisfy(message -> assertThat(message)
                .contains("\"execution-id\":" + done.getId()).contains("\"status\":\"COMPLETED\""));
    }

    private static List<JobExecution> scheduledExecutions() {
        return guarded.getBean(JobRunner.class).recentExecutions(200).stream()
                .filter(execution -> execution.getJobParameters().getLocalDateTime(JobRunner.SCHEDULED_AT) != null)
                .toList();
    }

    private static ConfigurableApplicationContext serve(String database, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.main.web-application-type=servlet", "--imagesync.serve.enabled=true",
                "--imagesync.cli.enabled=false", "--server.port=0",
                "--imagesync.etcd.endpoints=" + LocalServices.etcd().endpoint(),
                "--imagesync.etcd.namespace=" + NAMESPACE,
                "--spring.datasource.url=" + database, "--spring.datasource.username=" + PostgresServer.USER,
                "--spring.datasource.password=",
                "--spring.data.redis.port=" + LocalServices.redis().port(),
                "--imagesync.schedule.rescan-cron=*/2 * * * * *",
                "--imagesync.scan.architecture=amd64", "--imagesync.serve.lease-ttl=5s",
                "--imagesync.progress.interval=200ms"));
        args.addAll(List.of(extra));
        return new SpringApplication(ImagesyncApplication.class).run(args.toArray(String[]::new));
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext node, String path, String token)
            throws Exception {
        return HTTP.send(request(node, path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(ConfigurableApplicationContext node, String path, String token)
            throws Exception {
        return HTTP.send(request(node, path, token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(ConfigurableApplicationContext node, String path, String token) {
        String port = node.getEnvironment().getProperty("local.server.port");
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }
}
