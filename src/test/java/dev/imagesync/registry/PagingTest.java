package dev.imagesync.registry;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.imagesync.registry.Answers.fixture;
import static dev.imagesync.registry.Answers.fixtureJson;
import static dev.imagesync.registry.Answers.linked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingTest {

    private static final HttpUrl REQUEST = HttpUrl.get("https://cr.example.com:5000/v2/_catalog?n=2");

    @AutoClose
    private final FakeRegistry registry = new FakeRegistry();
    private final RegistryTestSupport support = new RegistryTestSupport();
    @AutoClose
    private final RegistryClientFactory factory = support.factory(registry.uri());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "</v2/_catalog?last=b&n=2>; rel=\"next\"                  | https://cr.example.com:5000/v2/_catalog?last=b&n=2",
            "<https://cr.example.com:5000/v2/_catalog?last=b>; rel=next | https://cr.example.com:5000/v2/_catalog?last=b",
            "<?last=b&n=2>; rel=\"next\"                              | https://cr.example.com:5000/v2/_catalog?last=b&n=2",
            "</a>; rel=\"prev\", </b>; rel=\"next\"                   | https://cr.example.com:5000/b",
            "</v2/_catalog?last=b>; type=\"x\"; rel=\"next\"          | https://cr.example.com:5000/v2/_catalog?last=b",
            "</a>; rel=\"prev\"                                       | ''",
    })
    void nextLink_isParsedAndResolvedAgainstTheRequestUrl(String header, String expected) {
        assertThat(Page.nextLink(REQUEST, List.of(header)).map(HttpUrl::toString).orElse(""))
                .isEqualTo(expected);
    }

    @Test
    void listRepositories_followsLinkHeaderAcrossPages() {
        registry.get("/v2/_catalog?n=2",
                        linked(fixture("distribution/catalog-page1.json"), "/v2/_catalog?last=stable%2Ftensorflow&n=2"))
                .get("/v2/_catalog?last=stable%2Ftensorflow&n=2", fixtureJson("distribution/catalog-page2.json"));

        assertThat(client().listRepositories())
                .containsExactly("stable/python", "stable/tensorflow", "community/r-base");
    }

    @Test
    void listRepositories_absoluteNextLinkOnSameOriginIsFollowed() {
        registry.get("/v2/_catalog?n=2", linked(fixture("distribution/catalog-page1.json"),
                        registry.base() + "/v2/_catalog?last=x&n=2"))
                .get("/v2/_catalog?last=x&n=2", fixtureJson("distribution/catalog-page2.json"));

        assertThat(client().listRepositories()).hasSize(3);
    }

    @Test
    void listRepositories_emptyCatalogIsEmpty() {
        registry.get("/v2/_catalog?n=2", fixtureJson("distribution/catalog-empty.json"));

        assertThat(client().listRepositories()).isEmpty();
    }

    @Test
    void listRepositories_refusesNextLinkToAnotherHost() {
        registry.get("/v2/_catalog?n=2", linked(fixture("distribution/catalog-page1.json"),
                "https://evil.example.com/v2/_catalog?last=x&n=2"));

        assertThatThrownBy(() -> client().listRepositories())
                .isInstanceOf(UnsafeNextLinkException.class)
                .hasMessageContaining("evil.example.com");
    }

    @Test
    void listRepositories_refusesNextLinkToAnotherSchemeOrPort() {
        String otherPort = "http://" + registry.uri().getHost() + ":" + (registry.uri().getPort() + 1) + "/v2/_catalog";
        registry.get("/v2/_catalog?n=2", linked(fixture("distribution/catalog-page1.json"), otherPort));

        assertThatThrownBy(() -> client().listRepositories()).isInstanceOf(UnsafeNextLinkException.class);
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void listRepositories_stopsWhenANextLinkRepeats() {
        registry.get("/v2/_catalog?n=2", linked(fixture("distribution/catalog-page2.json"), "/v2/_catalog?n=2"));

        assertThat(client().listRepositories()).containsExactly("community/r-base");
    }

    private RegistryClient client() {
        return factory.create(RegistryTestSupport.docker(registry), "amd64");
    }
}
