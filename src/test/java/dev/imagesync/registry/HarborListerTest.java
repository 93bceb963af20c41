package dev.imagesync.registry;

import dev.imagesync.image.RegistryType;
import okhttp3.Credentials;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.imagesync.registry.Answers.fixture;
import static dev.imagesync.registry.Answers.fixtureJson;
import static dev.imagesync.registry.Answers.json;
import static dev.imagesync.registry.Answers.linked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HarborListerTest {

    @AutoClose
    private final FakeRegistry harbor = new FakeRegistry();
    private final RegistryTestSupport support = new RegistryTestSupport();
    @AutoClose
    private final RegistryClientFactory factory = support.factory(harbor.uri());

    private RegistryClient client(RegistryType type, String... projects) {
        return factory.create(RegistryTestSupport.config(harbor, type, List.of(projects), "admin", "Harbor12345"),
                "amd64");
    }

    private void stubHarborV1() {
        harbor.get("/api/projects?page_size=2",
                        linked(fixture("harbor-v1/projects-page1.json"), "/api/projects?page=2&page_size=2"))
                .get("/api/projects?page=2&page_size=2", fixtureJson("harbor-v1/projects-page2.json"))
                .get("/api/repositories?project_id=3&page_size=2", linked(
                        fixture("harbor-v1/repositories-stable-page1.json"),
                        "/api/repositories?project_id=3&page=2&page_size=2"))
                .get("/api/repositories?project_id=3&page=2&page_size=2",
                        fixtureJson("harbor-v1/repositories-stable-page2.json"))
                .get("/api/repositories?project_id=7&page_size=2", fixtureJson("harbor-v1/repositories-community.json"));
    }

    @Test
    void harborV1_findsProjectIdsAcrossPagesThenListsEachProjectsRepositories() {
        stubHarborV1();

        assertThat(client(RegistryType.HARBOR, "stable", "community").listRepositories())
                .containsExactly("stable/python", "stable/tensorflow", "stable/pytorch", "community/r-base");
        assertThat(harbor.requests()).allSatisfy(r -> assertThat(r.getHeaders().get("Authorization"))
                .isEqualTo(Credentials.basic("admin", "Harbor12345")));
    }

    @Test
    void harborV1_unknownProjectIsAnErrorNamingIt() {
        stubHarborV1();

        assertThatThrownBy(() -> client(RegistryType.HARBOR, "stable", "nosuch").listRepositories())
                .isInstanceOf(RegistryException.class).hasMessageContaining("'nosuch'");
    }

    @Test
    void harborV2_listsEachProjectAcrossLinkPages() {
        harbor.get("/api/v2.0/projects/stable/repositories?page_size=2", linked(
                        fixture("harbor-v2/repositories-stable-page1.json"),
                        "/api/v2.0/projects/stable/repositories?page=2&page_size=2"))
                .get("/api/v2.0/projects/stable/repositories?page=2&page_size=2",
                        fixtureJson("harbor-v2/repositories-stable-page2.json"))
                .get("/api/v2.0/projects/community/repositories?page_size=2",
                        fixtureJson("harbor-v2/repositories-community.json"));

        assertThat(client(RegistryType.HARBOR2, "stable", "community").listRepositories())
                .containsExactly("stable/python", "stable/tensorflow", "stable/pytorch", "community/r-base");
        assertThat(harbor.requests().get(0).getHeaders().get("Authorization"))
                .isEqualTo(Credentials.basic("admin", "Harbor12345"));
    }

    @Test
    void harborV2_errorsBodyIsAnErrorNamingTheProject() {
        harbor.get("/api/v2.0/projects/nosuch/repositories?page_size=2",
                json(404, fixture("harbor-v2/errors-project-not-found.json")));

        assertThatThrownBy(() -> client(RegistryType.HARBOR2, "nosuch").listRepositories())
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("'nosuch'").hasMessageContaining("NOT_FOUND").hasMessageContaining("404");
    }

    @Test
    void harborV2_errorsBodyWithSuccessStatusIsStillAnError() {
        harbor.get("/api/v2.0/projects/odd/repositories?page_size=2",
                fixtureJson("harbor-v2/errors-project-not-found.json"));

        assertThatThrownBy(() -> client(RegistryType.HARBOR2, "odd").listRepositories())
                .isInstanceOf(RegistryException.class).hasMessageContaining("'odd'");
    }

    @Test
    void harborV2_emptyProjectListsNothing() {
        harbor.get("/api/v2.0/projects/empty/repositories?page_size=2", json("[]"));

        assertThat(client(RegistryType.HARBOR2, "empty").listRepositories()).isEmpty();
    }

    @Test
    void harborV2_tagDigestsComeFromTheArtifactListAPageAtATime() {
        String artifacts = "/api/v2.0/projects/stable/repositories/python/artifacts?with_tag=true&page_size=2";
        harbor.get(artifacts, linked(fixture("harbor-v2/artifacts-python-page1.json"), artifacts + "&page=2"))
                .get(artifacts + "&page=2", fixtureJson("harbor-v2/artifacts-python-page2.json"));

        assertThat(client(RegistryType.HARBOR2, "stable").listTagDigests("stable/python")).hasValueSatisfying(tags ->
                assertThat(tags).containsExactly(
                        java.util.Map.entry("3.10", "sha256:" + "1".repeat(64)),
                        java.util.Map.entry("latest", "sha256:" + "1".repeat(64)),
                        java.util.Map.entry("3.9", "sha256:" + "2".repeat(64)),
                        java.util.Map.entry("3.8", "sha256:" + "4".repeat(64))));
        assertThat(harbor.requests()).hasSize(2);
    }

    @Test
    void harborV2_nestedRepositoryNameIsEncodedTwiceInTheArtifactPath() {
        harbor.get("/api/v2.0/projects/stable/repositories/ml%252Fpython/artifacts?with_tag=true&page_size=2",
                json("[]"));

        assertThat(client(RegistryType.HARBOR2, "stable").listTagDigests("stable/ml/python")).hasValue(java.util.Map.of());
    }

    @Test
    void otherFlavours_haveNoTagDigestListing() {
        assertThat(client(RegistryType.HARBOR, "stable").listTagDigests("stable/python")).isEmpty();
        assertThat(client(RegistryType.DOCKER).listTagDigests("stable/python")).isEmpty();
    }
}
