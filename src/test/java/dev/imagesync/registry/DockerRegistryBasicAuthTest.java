package dev.imagesync.registry;

import dev.imagesync.image.RegistryConfig;
import dev.imagesync.image.RegistryType;
import dev.imagesync.image.TagInspection;
import dev.imagesync.testsupport.DockerRegistryServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Debian's docker-registry behind htpasswd basic auth: the right password scans, a wrong one is refused. */
class DockerRegistryBasicAuthTest {

    private static final String USER = "robot";
    private static final String PASSWORD = "s3cret-Pa55word";
    private static final Map<String, String> LABELS = Map.of("ai.backend.kernelspec", "1");

    @AutoClose("stop")
    private static DockerRegistryServer registry;
    @AutoClose
    private static RegistryClientFactory factory;

    @BeforeAll
    static void start() {
        registry = DockerRegistryServer.builder().basicAuth(USER, PASSWORD).start();
        factory = new RegistryClientFactory(RegistryProperties.defaults(), List.of());
        try (ImagePusher pusher = new ImagePusher(registry.url(), USER, PASSWORD)) {
            pusher.pushImage("kernels/python", "3.9", ImageSpec.single("amd64", LABELS));
        }
    }

    private static RegistryClient client(String username, String password) {
        return factory.create(new RegistryConfig(registry.hostAndPort(), registry.url(), RegistryType.DOCKER,
                List.of(), username, password, true), "amd64");
    }

    @Test
    void rightPassword_scansCatalogTagsAndManifests() {
        RegistryClient client = client(USER, PASSWORD);

        assertThat(client.listRepositories()).containsExactly("kernels/python");
        assertThat(client.listTags("kernels/python")).containsExactly("3.9");
        assertThat(client.inspect("kernels/python", "3.9")).isInstanceOfSatisfying(TagInspection.Found.class,
                found -> assertThat(found.metadata().labels()).isEqualTo(LABELS));
    }

    @Test
    void wrongPassword_isUnauthorizedNamingTheRegistryButNeverThePassword() {
        String wrong = "not-the-" + PASSWORD;

        assertThatThrownBy(() -> client(USER, wrong).listRepositories())
                .isInstanceOf(RegistryUnauthorizedException.class)
                .hasMessageContaining("registry '" + registry.hostAndPort() + "'")
                .hasMessageContaining("401")
                .hasMessageNotContaining(wrong)
                .hasMessageNotContaining(PASSWORD)
                .hasMessageNotContaining("\n");
    }

    @Test
    void noCredentials_isUnauthorized() {
        assertThatThrownBy(() -> client(null, null).listRepositories())
                .isInstanceOf(RegistryUnauthorizedException.class)
                .hasMessageContaining(registry.hostAndPort());
    }
}
