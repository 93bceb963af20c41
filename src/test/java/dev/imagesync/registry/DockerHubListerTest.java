package dev.imagesync.registry;

import dev.imagesync.image.RegistryConfig;
import dev.imagesync.image.RegistryType;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static dev.imagesync.registry.Answers.challenge;
import static dev.imagesync.registry.Answers.fixture;
import static dev.imagesync.registry.Answers.fixtureJson;
import static dev.imagesync.registry.Answers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DockerHubListerTest {

    private static final String FIRST_PAGE = "/v2/repositories/lablup/?page_size=2";
    private static final String SECOND_PAGE = "/v2/repositories/lablup/?page=2&page_size=2";

    @AutoClose
    private final FakeRegistry hub = new FakeRegistry();
    @AutoClose
    private final FakeRegistry registry = new FakeRegistry();
    @AutoClose
    private final FakeRegistry auth = new FakeRegistry();
    private final RegistryTestSupport support = new RegistryTestSupport();
    @AutoClose
    private final RegistryClientFactory factory =
            support.factory(hub.uri(), new HostRewriteInterceptor("registry-1.docker.io", registry));

    private RegistryClient client(String username) {
        // The type says docker; the host makes it Docker Hub.
        return factory.create(new RegistryConfig("index.docker.io", URI.create("https://registry-1.docker.io"),
                RegistryType.HARBOR2, List.of(), username, "hub-pa55", true), "amd64");
    }

    @Test
    void listRepositories_followsJsonNextAndSkipsLegacyKernelRepositories() {
        hub.get(FIRST_PAGE, json(fixture("dockerhub/repositories-page1.json").replace("{{hub}}", hub.base())))
                .get(SECOND_PAGE, json(fixture("dockerhub/repositories-page2.json").replace("{{hub}}", hub.base())));

        assertThat(client("lablup").listRepositories())
                .containsExactly("lablup/python", "lablup/tensorflow", "lablup/pytorch");
        // The hub API is not the registry: the registry password is not sent there.
        assertThat(hub.requests()).allSatisfy(r -> assertThat(r.getHeaders().get("Authorization")).isNull());
    }

    @Test
    void listRepositories_refusesNextPageOnAnotherHost() {
        hub.get(FIRST_PAGE, fixtureJson("dockerhub/repositories-next-elsewhere.json"));

        assertThatThrownBy(() -> client("lablup").listRepositories())
                .isInstanceOf(UnsafeNextLinkException.class).hasMessageContaining("evil.example.com");
    }

    @Test
    void listTags_usesRegistryWithTokenFromRealmOnAnotherHost() {
        registry.get("/v2/lablup/python/tags/list?n=2", challenge(auth.base() + "/token", "registry.docker.io"),
                json("{\"name\":\"lablup/python\",\"tags\":[\"3.9\"]}"));
        auth.get("/token?service=registry.docker.io&scope=repository%3Alablup%2Fpython%3Apull",
                json("{\"token\":\"hub-token\",\"access_token\":\"hub-token\"}"));

        assertThat(client("lablup").listTags("lablup/python")).containsExactly("3.9");
        assertThat(registry.requests().get(1).getHeaders().get("Authorization")).isEqualTo("Bearer hub-token");
    }

    @Test
    void create_withoutUsernameIsAClearError() {
        assertThatThrownBy(() -> client(null))
                .isInstanceOf(RegistryException.class).hasMessageContaining("username");
    }
}
