package dev.imagesync.registry;

import dev.imagesync.image.ImageMetadata;
import dev.imagesync.image.SkipReason;
import dev.imagesync.image.TagInspection;
import okhttp3.Credentials;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pushes with {@link ImagePusher} and reads back with the registry client: both sides of the protocol. */
class ImagePusherTest {

    private static final Map<String, String> LABELS = Map.of("ai.backend.kernelspec", "1", "ai.backend.accelerators", "cuda");

    @AutoClose
    private final InMemoryRegistry registry = new InMemoryRegistry();
    private final RegistryTestSupport support = new RegistryTestSupport();
    @AutoClose
    private final RegistryClientFactory factory = support.factory(registry.uri());
    @AutoClose
    private final ImagePusher pusher = new ImagePusher(registry.uri());

    private TagInspection readBack(String tag, String architecture) {
        return factory.create(new dev.imagesync.image.RegistryConfig("local", registry.uri(),
                dev.imagesync.image.RegistryType.DOCKER, List.of(), null, null, true), architecture)
                .inspect("stable/python", tag);
    }

    @ParameterizedTest
    @EnumSource(ManifestFormat.class)
    void pushImage_singlePlatformReadsBackWithLabelsSizeAndArchitecture(ManifestFormat format) {
        pusher.pushImage("stable/python", "3.9", ImageSpec.single("amd64", LABELS).withFormat(format));

        ImageMetadata metadata = ((TagInspection.Found) readBack("3.9", "amd64")).metadata();

        assertThat(metadata.labels()).isEqualTo(LABELS);
        assertThat(metadata.architecture()).isEqualTo("amd64");
        assertThat(metadata.fromIndex()).isFalse();
        assertThat(metadata.sizeBytes()).isGreaterThan(64);
    }

    @ParameterizedTest
    @EnumSource(ManifestFormat.class)
    void pushImage_indexResolvesPerArchitectureAndSkipsMissingOnes(ManifestFormat format) {
        pusher.pushImage("stable/python", "multi", ImageSpec.index(LABELS, "amd64", "arm64").withFormat(format));
        String armOnly = pusher.pushImage("stable/python", "arm-only", ImageSpec.index(LABELS, "arm64").withFormat(format));

        ImageMetadata arm64 = ((TagInspection.Found) readBack("multi", "arm64")).metadata();
        assertThat(arm64.architecture()).isEqualTo("arm64");
        assertThat(arm64.fromIndex()).isTrue();
        assertThat(readBack("arm-only", "amd64"))
                .isEqualTo(new TagInspection.Skipped(SkipReason.noManifestFor("amd64"), armOnly));
    }

    @Test
    void pushImage_containerConfigLabelsAreReadWhenConfigHasNone() {
        pusher.pushImage("stable/python", "legacy",
                ImageSpec.single("amd64", LABELS).withLabelPlacement(ImageSpec.LabelPlacement.CONTAINER_CONFIG));

        assertThat(((TagInspection.Found) readBack("legacy", "amd64")).metadata().labels()).isEqualTo(LABELS);
    }

    @Test
    void uploadBlob_isMonolithicAndSkippedWhenPresent() {
        byte[] content = "hello".getBytes(StandardCharsets.UTF_8);

        String digest = pusher.uploadBlob("stable/python", content);
        pusher.uploadBlob("stable/python", content);

        assertThat(digest).isEqualTo(ImagePusher.sha256(content));
        assertThat(registry.requestLines).hasSize(4);
        assertThat(registry.requestLines.get(1)).isEqualTo("POST /v2/stable/python/blobs/uploads/");
        assertThat(registry.requestLines.get(2)).startsWith("PUT /v2/stable/python/blobs/uploads/")
                .endsWith("?_state=x&digest=" + digest.replace(":", "%3A"));
        assertThat(registry.requestLines.get(3)).isEqualTo("HEAD /v2/stable/python/blobs/" + digest);
    }

    @Test
    void imageSpec_severalArchitecturesNeedAnIndex() {
        assertThatThrownBy(() -> new ImageSpec(LABELS, ImageSpec.LabelPlacement.CONFIG, List.of("amd64", "arm64"),
                ManifestFormat.OCI, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failedPush_isARegistryExceptionWithoutCredentials() {
        URI nothingListening = URI.create("http://127.0.0.1:1");
        try (ImagePusher withCredentials = new ImagePusher(nothingListening, "alice", "S3cr3t")) {
            assertThatThrownBy(() -> withCredentials.uploadBlob("stable/python", new byte[1]))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageNotContaining("S3cr3t")
                    .hasMessageNotContaining(Credentials.basic("alice", "S3cr3t"));
        }
    }
}
