package dev.imagesync.registry;

import dev.imagesync.image.ImageMetadata;
import dev.imagesync.image.SkipReason;
import dev.imagesync.image.TagInspection;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

import static dev.imagesync.registry.Answers.fixture;
import static dev.imagesync.registry.Answers.fixtureJson;
import static dev.imagesync.registry.Answers.json;
import static dev.imagesync.registry.Answers.linked;
import static dev.imagesync.registry.Answers.typed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DistributionClientTest {

    private static final String REPO = "stable/python";
    private static final String MANIFESTS = "/v2/stable/python/manifests/";
    private static final String BLOBS = "/v2/stable/python/blobs/";
    private static final String SCHEMA2 = "application/vnd.docker.distribution.manifest.v2+json";
    private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final String LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    private static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    private static final String AMD64_CONFIG = "sha256:c0f1c0f1c0f1c0f1c0f1c0f1c0f1c0f1c0f1c0f1c0f1c0f1c0f1c0f1c0f1c0f1";
    private static final String ARM64_CONFIG = "sha256:a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4";
    private static final String AMD64_MANIFEST = "sha256:a3d6a3d6a3d6a3d6a3d6a3d6a3d6a3d6a3d6a3d6a3d6a3d6a3d6a3d6a3d6a3d6";
    private static final String ARM64_MANIFEST = "sha256:a4d6a4d6a4d6a4d6a4d6a4d6a4d6a4d6a4d6a4d6a4d6a4d6a4d6a4d6a4d6a4d6";

    @AutoClose
    private final FakeRegistry registry = new FakeRegistry();
    private final RegistryTestSupport support = new RegistryTestSupport();
    @AutoClose
    private final RegistryClientFactory factory = support.factory(registry.uri());

    private RegistryClient client(String architecture) {
        return factory.create(RegistryTestSupport.docker(registry), architecture);
    }

    @Test
    void listTags_followsLinkHeaderAcrossPages() {
        registry.get("/v2/stable/python/tags/list?n=2",
                        linked(fixture("distribution/tags-page1.json"), "/v2/stable/python/tags/list?n=2&last=3.10"))
                .get("/v2/stable/python/tags/list?n=2&last=3.10", fixtureJson("distribution/tags-page2.json"));

        assertThat(client("amd64").listTags(REPO))
                .containsExactly("3.9-ubuntu20.04", "3.10-ubuntu22.04", "3.11-ubuntu22.04");
    }

    @ParameterizedTest
    @ValueSource(strings = {"distribution/tags-null.json", "distribution/tags-absent.json"})
    void listTags_nullOrAbsentTagsIsEmpty(String fixturePath) {
        registry.get("/v2/stable/python/tags/list?n=2", fixtureJson(fixturePath));

        assertThat(client("amd64").listTags(REPO)).isEmpty();
    }

    @Test
    void listTags_unknownRepositoryIsNotFound() {
        assertThatThrownBy(() -> client("amd64").listTags("stable/nosuch"))
                .isInstanceOf(RegistryNotFoundException.class)
                .hasMessageContaining("/v2/stable/nosuch/tags/list");
    }

    @Test
    void inspect_manifestDigestIsTheRegistrysDockerContentDigestWhenSent() {
        registry.get(MANIFESTS + "3.9", new MockResponse.Builder().code(200).setHeader("Content-Type", SCHEMA2)
                        .setHeader("Docker-Content-Digest", "sha256:named").body(fixture("distribution/manifest-schema2.json"))
                        .build())
                .get(BLOBS + AMD64_CONFIG, json(fixture("distribution/config-amd64.json")));

        assertThat(client("amd64").inspect(REPO, "3.9").manifestDigest()).isEqualTo("sha256:named");
    }

    @Test
    void headManifest_givesTheDigestHeaderOrMissing() {
        registry.on("HEAD", MANIFESTS + "3.9", new MockResponse.Builder().code(200)
                .setHeader("Docker-Content-Digest", "sha256:abc").build());
        registry.on("HEAD", MANIFESTS + "no-header", new MockResponse.Builder().code(200).build());

        assertThat(client("amd64").headManifest(REPO, "3.9")).isEqualTo(new ManifestHead(true, "sha256:abc"));
        assertThat(client("amd64").headManifest(REPO, "no-header")).isEqualTo(new ManifestHead(true, null));
        assertThat(client("amd64").headManifest(REPO, "gone")).isEqualTo(ManifestHead.MISSING);
        assertThat(registry.requests()).allSatisfy(request -> assertThat(request.getMethod()).isEqualTo("HEAD"));
    }

    @Test
    void inspect_manifest404IsSkippedAsMissing() {
        assertThat(client("amd64").inspect(REPO, "gone"))
                .isEqualTo(new TagInspection.Skipped(SkipReason.MISSING));
    }

    @Test
    void inspect_schema2ManifestGivesConfigDigestSizeSumAndConfigLabels() {
        registry.get(MANIFESTS + "3.9", typed(SCHEMA2, fixture("distribution/manifest-schema2.json")))
                .get(BLOBS + AMD64_CONFIG, typed("application/octet-stream", fixture("distribution/config-amd64.json")));

        TagInspection inspection = client("amd64").inspect(REPO, "3.9");

        assertThat(inspection).isEqualTo(new TagInspection.Found(new ImageMetadata(AMD64_CONFIG, 1500 + 1000 + 2500,
                Map.of("ai.backend.kernelspec", "1", "ai.backend.features", "batch query uid-match",
                        "ai.backend.resource.min.cpu", "1"), "amd64", false),
                sha256(fixture("distribution/manifest-schema2.json"))));
        assertThat(registry.requests().get(0).getHeaders().get("Accept"))
                .contains(SCHEMA2, OCI_MANIFEST, LIST, OCI_INDEX);
    }

    /** Registries that send a generic or wrong content type: the document's mediaType, then its shape, decide. */
    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/plain", ""})
    void inspect_manifestListRecognisedWithoutItsContentType(String contentType) {
        String list = fixture("distribution/manifest-list-amd64-arm64.json");
        registry.get(MANIFESTS + "multi", typed(contentType, list));
        stubAmd64PlatformManifest();

        assertThat(client("amd64").inspect(REPO, "multi")).isInstanceOf(TagInspection.Found.class);

        String shapeOnly = list.replace("\"mediaType\": \"" + LIST + "\",", "");
        registry.get(MANIFESTS + "shape", typed(contentType, shapeOnly));
        assertThat(((TagInspection.Found) client("amd64").inspect(REPO, "shape")).metadata().fromIndex()).isTrue();
    }

    @Test
    void inspect_manifestListResolvesToWantedArchitecture() {
        registry.get(MANIFESTS + "multi", typed(LIST, fixture("distribution/manifest-list-amd64-arm64.json")));
        stubAmd64PlatformManifest();
        registry.get(MANIFESTS + ARM64_MANIFEST, typed(OCI_MANIFEST, fixture("distribution/manifest-oci-arm64.json")))
                .get(BLOBS + ARM64_CONFIG, json(fixture("distribution/config-arm64.json")));

        ImageMetadata amd64 = ((TagInspection.Found) client("amd64").inspect(REPO, "multi")).metadata();
        ImageMetadata arm64 = ((TagInspection.Found) client("arm64").inspect(REPO, "multi")).metadata();

        assertThat(amd64.configDigest()).isEqualTo(AMD64_CONFIG);
        assertThat(amd64.fromIndex()).isTrue();
        assertThat(arm64).isEqualTo(new ImageMetadata(ARM64_CONFIG, 700 + 300,
                Map.of("ai.backend.kernelspec", "1"), "arm64", true));
    }

    @Test
    void inspect_ociIndexWithoutWantedArchitectureIsSkippedIgnoringAttestations() {
        registry.get(MANIFESTS + "arm-only",
                typed(OCI_INDEX, fixture("distribution/oci-index-arm64-with-attestation.json")));

        String indexDigest = sha256(fixture("distribution/oci-index-arm64-with-attestation.json"));
        assertThat(client("amd64").inspect(REPO, "arm-only"))
                .isEqualTo(new TagInspection.Skipped(SkipReason.noManifestFor("amd64"), indexDigest));
        assertThat(client("unknown").inspect(REPO, "arm-only"))
                .isEqualTo(new TagInspection.Skipped(SkipReason.noManifestFor("unknown"), indexDigest));
    }

    @Test
    void inspect_ociManifestIsUnderstood() {
        registry.get(MANIFESTS + "oci", typed(OCI_MANIFEST, fixture("distribution/manifest-oci-arm64.json")))
                .get(BLOBS + ARM64_CONFIG, json(fixture("distribution/config-arm64.json")));

        ImageMetadata metadata = ((TagInspection.Found) client("amd64").inspect(REPO, "oci")).metadata();

        assertThat(metadata.architecture()).isEqualTo("arm64");
        assertThat(metadata.fromIndex()).isFalse();
        assertThat(metadata.sizeBytes()).isEqualTo(1000);
    }

    static Stream<Arguments> labelPlacements() {
        return Stream.of(
                Arguments.of("config wins over container_config",
                        "{\"config\":{\"Labels\":{\"a\":\"config\"}},\"container_config\":{\"Labels\":{\"a\":\"cc\"}}}",
                        Map.of("a", "config")),
                Arguments.of("empty config labels fall back",
                        "{\"config\":{\"Labels\":{}},\"container_config\":{\"Labels\":{\"a\":\"cc\"}}}",
                        Map.of("a", "cc")),
                Arguments.of("null config labels fall back",
                        "{\"config\":{\"Labels\":null},\"container_config\":{\"Labels\":{\"a\":\"cc\"}}}",
                        Map.of("a", "cc")),
                Arguments.of("no container_config at all",
                        "{\"config\":{\"Labels\":{\"a\":\"config\"}}}", Map.of("a", "config")),
                Arguments.of("null everywhere means none",
                        "{\"config\":{\"Labels\":null},\"container_config\":{\"Labels\":null}}", Map.of()),
                Arguments.of("no config sections means none", "{\"architecture\":\"amd64\"}", Map.of()),
                Arguments.of("non-string values become text",
                        "{\"config\":{\"Labels\":{\"n\":1,\"b\":true}}}", Map.of("n", "1", "b", "true")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labelPlacements")
    void inspect_labelsComeFromConfigElseContainerConfig(String description, String configJson,
                                                          Map<String, String> expected) {
        registry.get(MANIFESTS + "t", typed(SCHEMA2, fixture("distribution/manifest-schema2.json")))
                .get(BLOBS + AMD64_CONFIG, json(configJson));

        assertThat(((TagInspection.Found) client("amd64").inspect(REPO, "t")).metadata().labels())
                .isEqualTo(expected);
    }

    @Test
    void inspect_truncatedManifestIsMalformedNamingWhatWasRead() {
        String manifest = fixture("distribution/manifest-schema2.json");
        registry.get(MANIFESTS + "cut", typed(SCHEMA2, manifest.substring(0, manifest.length() / 2)));

        assertThatThrownBy(() -> client("amd64").inspect(REPO, "cut"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("manifest")
                .hasMessageContaining(MANIFESTS + "cut")
                .hasMessageNotContaining("\n");
    }

    private void stubAmd64PlatformManifest() {
        registry.get(MANIFESTS + AMD64_MANIFEST, typed(SCHEMA2, fixture("distribution/manifest-schema2.json")))
                .get(BLOBS + AMD64_CONFIG, json(fixture("distribution/config-amd64.json")));
    }

    /** The digest a registry names a manifest by: SHA-256 of its bytes as served. */
    private static String sha256(String document) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(document.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
