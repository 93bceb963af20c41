package dev.imagesync.registry;

import dev.imagesync.image.ImageMetadata;
import dev.imagesync.image.RegistryConfig;
import dev.imagesync.image.RegistryType;
import dev.imagesync.image.SkipReason;
import dev.imagesync.image.TagInspection;
import dev.imagesync.testsupport.DockerRegistryServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Pushes with {@link ImagePusher} to a real Distribution registry and scans it back with the client. */
class DockerRegistryIntegrationTest {

    private static final Map<String, String> LABELS = Map.of("ai.backend.kernelspec", "1");

    @AutoClose("stop")
    private static DockerRegistryServer registry;
    private static String armOnlyDigest;
    @AutoClose
    private static RegistryClientFactory factory;

    @BeforeAll
    static void start() throws Exception {
        registry = DockerRegistryServer.builder().start();
        factory = new RegistryClientFactory(new RegistryProperties(2, null, null, null, null, null, null, null, null, null),
                List.of());
        try (ImagePusher pusher = new ImagePusher(registry.url())) {
            pusher.pushImage("stable/python", "3.9", ImageSpec.single("amd64", LABELS));
            pusher.pushImage("stable/python", "legacy", ImageSpec.single("amd64", LABELS)
                    .withLabelPlacement(ImageSpec.LabelPlacement.CONTAINER_CONFIG));
            pusher.pushImage("stable/python", "multi", ImageSpec.index(LABELS, "amd64", "arm64")
                    .withFormat(ManifestFormat.OCI));
            armOnlyDigest = pusher.pushImage("stable/tensorflow", "arm-only", ImageSpec.index(LABELS, "arm64"));
            pusher.pushImage("community/r-base", "4.0", ImageSpec.single("amd64", LABELS).withFormat(ManifestFormat.OCI));
        }
    }

    private static RegistryClient client() {
        return factory.create(new RegistryConfig("local", registry.url(), RegistryType.DOCKER, List.of(), null, null,
                true), "amd64");
    }

    @Test
    void catalogAndTags_areListedAcrossPages() {
        assertThat(client().listRepositories())
                .containsExactly("community/r-base", "stable/python", "stable/tensorflow");
        assertThat(client().listTags("stable/python")).containsExactlyInAnyOrder("3.9", "legacy", "multi");
    }

    @Test
    void inspect_readsSchema2OciAndIndexesAsPushed() {
        ImageMetadata single = ((TagInspection.Found) client().inspect("stable/python", "3.9")).metadata();
        ImageMetadata legacy = ((TagInspection.Found) client().inspect("stable/python", "legacy")).metadata();
        ImageMetadata multi = ((TagInspection.Found) client().inspect("stable/python", "multi")).metadata();

        assertThat(single.labels()).isEqualTo(LABELS);
        assertThat(legacy.labels()).isEqualTo(LABELS);
        assertThat(multi.fromIndex()).isTrue();
        assertThat(multi.architecture()).isEqualTo("amd64");
        assertThat(client().inspect("stable/tensorflow", "arm-only"))
                .isEqualTo(new TagInspection.Skipped(SkipReason.noManifestFor("amd64"), armOnlyDigest));
        assertThat(client().headManifest("stable/tensorflow", "arm-only").digest()).isEqualTo(armOnlyDigest);
        assertThat(client().inspect("stable/python", "deleted"))
                .isEqualTo(new TagInspection.Skipped(SkipReason.MISSING));
    }
}
