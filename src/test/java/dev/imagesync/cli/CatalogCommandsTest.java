package dev.imagesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imagesync.app.ImagesyncApplication;
import dev.imagesync.etcd.ImageRecordKeys;
import dev.imagesync.etcd.KeyValueStore;
import dev.imagesync.image.ImageRecord;
import dev.imagesync.image.TagRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = ImagesyncApplication.class)
class CatalogCommandsTest {

    private static final String NAMESPACE = CliTestSupport.newNamespace();
    // Redis is shared by every test JVM user: a registry of our own keeps the installed SETs apart.
    private static final String REGISTRY = NAMESPACE + ".example.com";
    private static final String PYTHON = REGISTRY + "/stable/python:3.9";
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CliTestSupport.properties(registry, NAMESPACE);
    }

    @Autowired
    ImagesyncCommandLine cli;

    @Autowired
    KeyValueStore store;

    @Autowired
    @Qualifier("imageIndexConnectionFactory")
    LettuceConnectionFactory imageIndex;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void seed() {
        store.deletePrefix("");
        store.put("config/docker/registry/" + REGISTRY, "https://" + REGISTRY);
        image("stable/python", "3.9", Map.of("ai.backend.kernelspec", "1", "ai.backend.resource.min.mem", "256m"));
        image("stable/python", "3.9-beta", Map.of("ai.backend.kernelspec", "1"));
        new StringRedisTemplate(imageIndex).opsForSet().add(PYTHON, "i-agent1");
    }

    @Test
    void imageIndexFactory_usesDb3AndLeavesBootsDefaultFactoryInPlace() {
        assertThat(imageIndex.getDatabase()).isEqualTo(3);
        assertThat(context.getBean(RedisConnectionFactory.class)).isNotSameAs(imageIndex);
        assertThat(context.getBeansOfType(RedisConnectionFactory.class)).containsKey("redisConnectionFactory");
    }

    @Test
    void listImages_printsTableShortInstalledAndJson() throws Exception {
        store.put("images/_aliases/py", PYTHON);

        CliTestSupport.Result table = CliTestSupport.run(cli, "list-images");
        CliTestSupport.Result shortForm = CliTestSupport.run(cli, "list-images", "--short");
        CliTestSupport.Result installed = CliTestSupport.run(cli, "list-images", "--short", "--installed");
        CliTestSupport.Result json = CliTestSupport.run(cli, "list-images", "--json");

        assertThat(table.out()).contains("REFERENCE").containsPattern(PYTHON.replace(".", "\\.") + " +sha256:.* yes +py");
        assertThat(shortForm.out()).isEqualTo(PYTHON + "\n" + REGISTRY + "/stable/python:3.9-beta\n");
        assertThat(installed.out()).isEqualTo(PYTHON + "\n");
        JsonNode first = JSON.readTree(json.out()).get(0);
        assertThat(first.get("name").asText()).isEqualTo("stable/python");
        assertThat(first.get("registry").asText()).isEqualTo(REGISTRY);
        assertThat(first.get("aliases").get(0).asText()).isEqualTo("py");
        assertThat(first.get("installed").asBoolean()).isTrue();
        assertThat(first.get("installed_agents").get(0).asText()).isEqualTo("i-agent1");
        assertThat(first.get("size_bytes").asLong()).isEqualTo(100);
        assertThat(first.get("resource_limits").get(0).toString()).isEqualTo("{\"key\":\"mem\",\"min\":\"256m\",\"max\":\"Infinity\"}");
        assertThat(first.get("labels").get("ai.backend.kernelspec").asText()).isEqualTo("1");
    }

    @Test
    void inspectForgetAliasDealias_roundTrip() throws Exception {
        assertThat(CliTestSupport.run(cli, "alias", "py", PYTHON).exit()).isZero();
        JsonNode inspected = JSON.readTree(CliTestSupport.run(cli, "inspect-image", "py", "--json").out());
        assertThat(inspected.get("tag").asText()).isEqualTo("3.9");
        assertThat(CliTestSupport.run(cli, "inspect-image", "py").out()).contains("reference: " + PYTHON, "aliases: py");

        assertThat(CliTestSupport.run(cli, "dealias", "py").exit()).isZero();
        assertThat(CliTestSupport.run(cli, "dealias", "py").err()).isEqualTo("imagesync dealias: error: no alias 'py'\n");

        CliTestSupport.Result forgot = CliTestSupport.run(cli, "forget-image", PYTHON);
        assertThat(forgot.out()).startsWith("forgot " + PYTHON + " (");
        assertThat(store.getPrefix("images/" + REGISTRY + "/stable%2Fpython/3.9")).isEmpty();
        assertThat(store.get("images/" + REGISTRY + "/stable%2Fpython/3.9-beta")).isPresent();
        assertThat(CliTestSupport.run(cli, "inspect-image", PYTHON).err())
                .isEqualTo("imagesync inspect-image: error: unknown image '" + PYTHON + "'\n");
    }

    @Test
    void resourceLimitsAndSlotRanges_roundTrip() throws Exception {
        assertThat(CliTestSupport.run(cli, "update-resource-slots", "cuda.device=count").out())
                .isEqualTo("set cuda.device = count\n1 slot(s) updated\n");
        assertThat(CliTestSupport.run(cli, "update-resource-slots", "cuda.device=count", "cpu=count").out())
                .isEqualTo("nothing changed\n");
        assertThat(CliTestSupport.run(cli, "update-resource-slots", "x=gigs").err())
                .isEqualTo("imagesync update-resource-slots: error: unknown slot unit 'gigs' (expected count or bytes)\n");
        assertThat(JSON.readTree(CliTestSupport.run(cli, "resource-slots", "--json").out()).toString())
                .isEqualTo("{\"cpu\":\"count\",\"cuda.device\":\"count\",\"mem\":\"bytes\"}");

        assertThat(CliTestSupport.run(cli, "set-image-resource-limit", PYTHON, "mem", ":1g").out())
                .isEqualTo("set images/" + REGISTRY + "/stable%2Fpython/3.9/resource/mem/max = 1g\n");
        assertThat(CliTestSupport.run(cli, "set-image-resource-limit", PYTHON + "-nope", "mem", ":1g").exit()).isEqualTo(1);
        assertThat(CliTestSupport.run(cli, "set-image-resource-limit", PYTHON, "cpu", "a:b").err())
                .isEqualTo("imagesync set-image-resource-limit: error: range 'a:b': 'a' is not a number\n");

        JsonNode ranges = JSON.readTree(CliTestSupport.run(cli, "image-slot-ranges", PYTHON, "--json").out());
        assertThat(ranges.toString()).isEqualTo("{\"cpu\":{\"min\":\"0\",\"max\":\"Infinity\"},"
                + "\"cuda.device\":{\"min\":\"0\",\"max\":\"Infinity\"},"
                + "\"mem\":{\"min\":\"268435456\",\"max\":\"1073741824\"}}");
    }

    @Test
    void sharedConfigVerbs_roundTrip() {
        assertThat(CliTestSupport.run(cli, "vfolder-types").out()).isEqualTo("user\n");
        store.put("volumes/_types/group", "");
        assertThat(CliTestSupport.run(cli, "vfolder-types", "--json").out()).contains("\"group\"");

        assertThat(CliTestSupport.run(cli, "manager-status").out()).isEqualTo("(not set)\n");
        assertThat(CliTestSupport.run(cli, "manager-status", "--set", "frozen").out()).isEqualTo("frozen\n");
        assertThat(store.get("manager/status")).contains("frozen");
        assertThat(CliTestSupport.run(cli, "manager-status", "--json").out()).contains("\"status\" : \"frozen\"");
        assertThat(CliTestSupport.run(cli, "manager-status", "--set", "asleep").exit()).isEqualTo(1);

        store.put("nodes/manager/i-m1", "up");
        assertThat(CliTestSupport.run(cli, "manager-nodes", "--json").out()).contains("\"i-m1\" : \"up\"");
        assertThat(CliTestSupport.run(cli, "allowed-origins").out()).isEqualTo("*\n");

        assertThat(CliTestSupport.run(cli, "config-get", "volumes/_mount").out()).isEqualTo("/mnt\n");
        assertThat(CliTestSupport.run(cli, "config-get", "config/none").exit()).isEqualTo(1);
        assertThat(CliTestSupport.run(cli, "config-get", "config/none", "--required").err())
                .isEqualTo("imagesync config-get: error: required config missing: config/none\n");

        store.put("config/redis/addr", "10.0.0.9:6380");
        store.put("config/redis/password", "hunter2");
        CliTestSupport.Result url = CliTestSupport.run(cli, "redis-url", "--db", "3");
        assertThat(url.out()).isEqualTo("redis://:***@10.0.0.9:6380/3\n").doesNotContain("hunter2");
    }

    @Test
    void validateConfig_listsEveryInvalidKeyAndFails() {
        assertThat(CliTestSupport.run(cli, "validate-config").out()).isEqualTo("config is valid\n");
        store.put("config/docker/registry/" + REGISTRY + "/type", "quay");
        store.put("config/resource_slots/x", "gigs");

        CliTestSupport.Result result = CliTestSupport.run(cli, "validate-config");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("config/docker/registry/" + REGISTRY
                + "/type: unknown registry type 'quay' (expected docker, harbor or harbor2)\n"
                + "config/resource_slots/x: unknown slot unit 'gigs' (expected count or bytes)\n2 invalid key(s)\n");
    }

    @Test
    void everyNewCommand_hasHelpWithAnExample() {
        for (String command : new String[] {"import-aliases", "import-volumes", "list-images", "inspect-image",
                "forget-image", "alias", "dealias", "set-image-resource-limit", "image-slot-ranges", "resource-slots",
                "update-resource-slots", "vfolder-types", "manager-status", "manager-nodes", "allowed-origins",
                "config-get", "redis-url", "validate-config"}) {
            CliTestSupport.Result help = CliTestSupport.run(cli, command, "--help");
            assertThat(help.exit()).isZero();
            assertThat(help.out()).as(command).contains("Example: imagesync " + command);
        }
    }

    private void image(String repository, String tag, Map<String, String> labels) {
        store.putAll(ImageRecordKeys.keysFor(new ImageRecord(new TagRef(REGISTRY, repository, tag),
                "sha256:0123456789abcdef0123456789", 100, new TreeMap<>(labels))));
    }
}
