package dev.imagesync.registry;

import dev.imagesync.testsupport.MockDistributionRegistry;
import mockwebserver3.MockResponse;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** fetch-ceiling sends exactly the GETs a scan needs, and nothing when a listing fails. */
class RegistryCeilingProbeTest {

    @AutoClose
    private final MockDistributionRegistry registry = new MockDistributionRegistry(3, 4);

    private RegistryCeilingProbe probe() {
        return new RegistryCeilingProbe(HttpUrl.get(registry.url()), 4, 100, "amd64",
                repository -> !repository.endsWith("r2"));
    }

    @Test
    void listsThenFetchesEveryManifestAndConfigOfScannedRepositories() {
        RegistryCeilingProbe.Result result = probe().measure();

        assertThat(result.repositories()).isEqualTo(2);
        assertThat(result.tags()).isEqualTo(8);
        assertThat(result.requests()).isEqualTo(1 + 2 + 8 * 2);
        assertThat(registry.paths()).contains("/v2/_catalog", "/v2/kernels/r0/tags/list", "/v2/kernels/r1/manifests/t3")
                .filteredOn(path -> path.contains("/blobs/sha256:")).hasSize(8);
        assertThat(registry.paths()).noneMatch(path -> path.contains("/kernels/r2/"));
        assertThat(registry.connections()).as("keep-alive").isLessThanOrEqualTo(4);
        assertThat(result.tagsPerSecond()).isPositive();
    }

    @Test
    void aSecondMeasurement_countsOnlyItsOwnRequests() {
        RegistryCeilingProbe probe = probe();
        probe.measure();

        RegistryCeilingProbe.Result second = probe.measure();

        assertThat(second.tags()).isEqualTo(8);
        assertThat(second.requests()).isEqualTo(1 + 2 + 8 * 2);
    }

    @Test
    void anErrorAnswer_failsNamingThePath() {
        registry.setFault(request -> request.getUrl().encodedPath().endsWith("/manifests/t1")
                ? new MockResponse.Builder().code(500).body("").build() : null);

        assertThatThrownBy(() -> probe().measure()).hasMessageContaining("/manifests/t1 answered HTTP 500");
    }
}
