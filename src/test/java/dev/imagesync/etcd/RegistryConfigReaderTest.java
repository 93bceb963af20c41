package dev.imagesync.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.imagesync.image.RegistryConfig;
import dev.imagesync.image.RegistryType;
import dev.imagesync.testsupport.LocalServices;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reads registry configuration an operator wrote into a real etcd. */
class RegistryConfigReaderTest {

    private static final String REGISTRY = "config/docker/registry/";

    @AutoClose
    private JetcdKeyValueStore store;
    private RegistryConfigReader reader;

    @BeforeEach
    void openStore() {
        store = LocalServices.etcd().newStore();
        reader = new RegistryConfigReader(store);
    }

    @Test
    void readAll_parsesEveryField() {
        store.putAll(Map.of(
                REGISTRY + "cr.backend.ai", "https://cr.backend.ai",
                REGISTRY + "cr.backend.ai/type", "harbor2",
                REGISTRY + "cr.backend.ai/project", " stable, community,,",
                REGISTRY + "cr.backend.ai/username", "admin",
                REGISTRY + "cr.backend.ai/password", "hunter2",
                REGISTRY + "cr.backend.ai/ssl-verify", "No"));

        assertThat(reader.readAll()).containsExactly(RegistryConfigResult.valid(new RegistryConfig("cr.backend.ai",
                URI.create("https://cr.backend.ai"), RegistryType.HARBOR2, List.of("stable", "community"),
                "admin", "hunter2", false)));
    }

    @Test
    void absentFields_takeTheirDefaults() {
        store.put(REGISTRY + "index.docker.io", "https://registry-1.docker.io");

        RegistryConfig config = reader.find("index.docker.io").orElseThrow().config();
        assertThat(config.type()).isEqualTo(RegistryType.DOCKER);
        assertThat(config.projects()).isEmpty();
        assertThat(config.username()).isNull();
        assertThat(config.password()).isNull();
        assertThat(config.sslVerify()).isTrue();
        assertThat(config.isDockerHub()).isTrue();
    }

    @Test
    void quotedNames_areUnquoted_andResultsSortedByName() {
        store.putAll(Map.of(
                REGISTRY + EtcdKeyCodec.quote("127.0.0.1:5000"), "http://127.0.0.1:5000",
                REGISTRY + "b.example", "https://b.example",
                REGISTRY + "a.example", "https://a.example"));

        assertThat(reader.readAll()).extracting(RegistryConfigResult::name)
                .containsExactly("127.0.0.1:5000", "a.example", "b.example");
        assertThat(reader.find("127.0.0.1:5000")).hasValueSatisfying(result ->
                assertThat(result.config().url()).isEqualTo(URI.create("http://127.0.0.1:5000")));
    }

    @Test
    void brokenRegistries_areErrorsForThemAlone() {
        store.putAll(Map.of(
                REGISTRY + "good", "https://good.example",
                REGISTRY + "unknown-type", "https://u.example",
                REGISTRY + "unknown-type/type", "quay",
                REGISTRY + "unknown-type/password", "hunter2",
                REGISTRY + "no-scheme", "cr.backend.ai",
                REGISTRY + "no-scheme/password", "hunter2",
                REGISTRY + "bad-ssl", "https://s.example",
                REGISTRY + "bad-ssl/ssl-verify", "maybe",
                REGISTRY + "bad-ssl/password", "hunter2",
                REGISTRY + "no-url/username", "alice"));

        List<RegistryConfigResult> results = reader.readAll();

        assertThat(results).extracting(RegistryConfigResult::name)
                .containsExactly("bad-ssl", "good", "no-scheme", "no-url", "unknown-type");
        assertThat(results).filteredOn(RegistryConfigResult::isValid).extracting(RegistryConfigResult::name)
                .containsExactly("good");
        assertThat(errorOf(results, "unknown-type")).contains("unknown registry type 'quay'");
        assertThat(errorOf(results, "no-scheme")).contains("'cr.backend.ai'").contains("scheme");
        assertThat(errorOf(results, "bad-ssl")).contains("ssl-verify 'maybe'");
        assertThat(errorOf(results, "no-url")).contains("no URL");
        assertThat(results).allSatisfy(result -> {
            assertThat(String.valueOf(result)).doesNotContain("hunter2");
            assertThat(String.valueOf(result.error())).doesNotContain("hunter2").doesNotContain("\n");
        });
    }

    @Test
    void urlUserInfo_isNotEchoedInErrors() {
        store.put(REGISTRY + "creds", "ftp://bob:hunter2@r.example");

        assertThat(reader.find("creds").orElseThrow().error()).doesNotContain("hunter2").contains("ftp://r.example");
    }

    @Test
    void urlWithoutHost_isAnError() {
        store.put(REGISTRY + "hostless", "https:///v2");

        assertThat(reader.find("hostless").orElseThrow().error()).contains("no host");
    }

    @ParameterizedTest(name = "ssl-verify {0} = {1}")
    @CsvSource({"t,true", "TRUE,true", "y,true", "Yes,true", "on,true", "1,true",
            "f,false", "False,false", "n,false", "no,false", "OFF,false", "0,false", "none,false"})
    void sslVerify_acceptsBackendAiBooleanWords(String word, boolean expected) {
        store.putAll(Map.of(REGISTRY + "r", "https://r.example", REGISTRY + "r/ssl-verify", word));

        assertThat(reader.find("r").orElseThrow().config().sslVerify()).isEqualTo(expected);
    }

    @Test
    void find_unknownName_isEmpty_andIgnoresPrefixSiblings() {
        store.put(REGISTRY + "registry-two", "https://two.example");

        assertThat(reader.find("registry")).isEmpty();
        assertThat(reader.readAll()).hasSize(1);
    }

    private static String errorOf(List<RegistryConfigResult> results, String name) {
        return results.stream().filter(result -> result.name().equals(name)).findFirst().orElseThrow().error();
    }
}
