package dev.imagesync.registry;

import dev.imagesync.image.RegistryType;
import mockwebserver3.RecordedRequest;
import okhttp3.Credentials;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.imagesync.registry.Answers.challenge;
import static dev.imagesync.registry.Answers.fixtureJson;
import static dev.imagesync.registry.Answers.json;
import static dev.imagesync.registry.Answers.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthenticationTest {

    private static final String CATALOG = "/v2/_catalog?n=2";
    private static final String TAGS = "/v2/stable/python/tags/list?n=2";
    private static final String CATALOG_TOKEN = "/token?service=fake-registry&scope=registry%3Acatalog%3A*";
    private static final String PULL_TOKEN = "/token?service=fake-registry&scope=repository%3Astable%2Fpython%3Apull";

    @AutoClose
    private final FakeRegistry registry = new FakeRegistry();
    @AutoClose
    private final FakeRegistry auth = new FakeRegistry();
    private final RegistryTestSupport support = new RegistryTestSupport();
    @AutoClose
    private final RegistryClientFactory factory = support.factory(registry.uri());

    private RegistryClient client(String username, String password) {
        return factory.create(RegistryTestSupport.config(registry, RegistryType.DOCKER, List.of(), username, password),
                "amd64");
    }

    @Test
    void bearerChallenge_fetchesTokenPerScopeAndReusesIt() {
        registry.get(CATALOG, challenge(auth.base() + "/token", "fake-registry"),
                        fixtureJson("distribution/catalog-empty.json"))
                .get(TAGS, fixtureJson("distribution/tags-page2.json"));
        auth.get(CATALOG_TOKEN, json("{\"token\":\"catalog-token\"}"))
                .get(PULL_TOKEN, json("{\"access_token\":\"pull-token\"}"));
        RegistryClient client = client(null, null);

        client.listRepositories();
        client.listRepositories();
        client.listTags("stable/python");
        client.listTags("stable/python");

        assertThat(auth.count("GET", CATALOG_TOKEN)).isEqualTo(1);
        assertThat(auth.count("GET", PULL_TOKEN)).isEqualTo(1);
        assertThat(authorizations(CATALOG)).containsExactly(null, "Bearer catalog-token", "Bearer catalog-token");
        // Once the realm is known, a new scope gets its token before asking, not after a 401.
        assertThat(authorizations(TAGS)).containsExactly("Bearer pull-token", "Bearer pull-token");
        assertThat(auth.requests()).allSatisfy(r -> assertThat(r.getHeaders().get("Authorization")).isNull());
    }

    @Test
    void bearerChallenge_refreshesExpiredTokenOn401() {
        registry.get(CATALOG, challenge(auth.base() + "/token", "fake-registry"),
                fixtureJson("distribution/catalog-page2.json"),
                challenge(auth.base() + "/token", "fake-registry"),
                fixtureJson("distribution/catalog-page2.json"));
        auth.get(CATALOG_TOKEN, json("{\"token\":\"first\"}"), json("{\"token\":\"second\"}"));
        RegistryClient client = client(null, null);

        client.listRepositories();
        assertThat(client.listRepositories()).containsExactly("community/r-base");

        assertThat(authorizations(CATALOG)).containsExactly(null, "Bearer first", "Bearer first", "Bearer second");
    }

    @Test
    void bearerChallenge_sendsCredentialsToTheRealmOnly() {
        registry.get(CATALOG, challenge(auth.base() + "/token", "fake-registry"),
                fixtureJson("distribution/catalog-empty.json"));
        auth.get(CATALOG_TOKEN, json("{\"token\":\"t\"}"));

        client("alice", "pa55").listRepositories();

        assertThat(auth.requests().get(0).getHeaders().get("Authorization"))
                .isEqualTo(Credentials.basic("alice", "pa55"));
        assertThat(authorizations(CATALOG).get(1)).isEqualTo("Bearer t");
    }

    @Test
    void basicAuth_isSentWhenCredentialsAreConfigured() {
        registry.get(CATALOG, fixtureJson("distribution/catalog-page2.json"));

        client("alice", "pa55").listRepositories();

        assertThat(authorizations(CATALOG)).containsExactly(Credentials.basic("alice", "pa55"));
    }

    @Test
    void anonymous_sendsNoAuthorization() {
        registry.get(CATALOG, fixtureJson("distribution/catalog-page2.json"));

        client(null, null).listRepositories();

        assertThat(authorizations(CATALOG)).containsExactly((String) null);
    }

    @Test
    void refusedCredentials_areUnauthorizedNamingRegistryAndPath() {
        registry.get(CATALOG, status(401)).get(TAGS, status(403));

        assertThatThrownBy(() -> client("alice", "pa55").listRepositories())
                .isInstanceOf(RegistryUnauthorizedException.class)
                .hasMessageContaining("'local'").hasMessageContaining("/v2/_catalog").hasMessageContaining("401");
        assertThatThrownBy(() -> client("alice", "pa55").listTags("stable/python"))
                .isInstanceOf(RegistryUnauthorizedException.class).hasMessageContaining("403");
    }

    @Test
    void tokenRealmRefusingCredentials_isUnauthorized() {
        registry.get(CATALOG, challenge(auth.base() + "/token", "fake-registry"));
        auth.get(CATALOG_TOKEN, status(401));

        assertThatThrownBy(() -> client("alice", "pa55").listRepositories())
                .isInstanceOf(RegistryUnauthorizedException.class).hasMessageContaining("/token");
    }

    @Test
    void tokenResponseWithoutToken_isMalformed() {
        registry.get(CATALOG, challenge(auth.base() + "/token", "fake-registry"));
        auth.get(CATALOG_TOKEN, json("{\"expires_in\":300}"));

        assertThatThrownBy(() -> client(null, null).listRepositories())
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("token response");
    }

    @Test
    void bearerChallenge_stillRefusedAfterFreshToken_isUnauthorized() {
        registry.get(CATALOG, challenge(auth.base() + "/token", "fake-registry"));
        auth.get(CATALOG_TOKEN, json("{\"token\":\"useless\"}"));

        assertThatThrownBy(() -> client(null, null).listRepositories())
                .isInstanceOf(RegistryUnauthorizedException.class);
        assertThat(registry.count("GET", CATALOG)).isEqualTo(2);
    }

    private List<String> authorizations(String target) {
        return registry.requests().stream()
                .filter(r -> r.getTarget().equals(target))
                .map(RecordedRequest::getHeaders)
                .map(h -> h.get("Authorization"))
                .toList();
    }
}
