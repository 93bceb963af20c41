package dev.imagesync.image;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KernelImagePolicyTest {

    private static final TagRef REF = new TagRef("cr.backend.ai", "stable/python", "3.9");
    private final KernelImagePolicy policy = new KernelImagePolicy(1, 1, "amd64", true);

    @ParameterizedTest(name = "{0} scanned: {1}")
    @CsvSource({
            "stable/python, true",
            "stable/python-tensorflow, true",
            "lablup/common-base, false",
            "lablup/commons-utils, false",
            "lablup/base-python, false",
            "lablup/backendai-krunner-env, false",
            "lablup/kernel-builder, false",
            "lablup/backendai, false",
            "lablup/geofront, false",
            "lablup/database, true"})
    void isScannedRepository_excludesInfrastructureImagesByName(String repository, boolean scanned) {
        assertThat(policy.isScannedRepository(repository)).isEqualTo(scanned);
    }

    @ParameterizedTest(name = "kernelspec ''{0}'' -> {1}")
    @CsvSource(value = {
            "1 | accepted",
            "' 1 ' | accepted",
            "+1 | accepted",
            "0 | unsupported kernelspec",
            "2 | unsupported kernelspec",
            "-1 | unsupported kernelspec",
            "abc | unsupported kernelspec",
            "1.0 | unsupported kernelspec",
            "'' | unsupported kernelspec",
            "99999999999 | unsupported kernelspec"}, delimiter = '|')
    void decide_kernelspecMustBeAnIntegerInRange(String kernelspec, String outcome) {
        KernelImagePolicy.TagDecision decision = policy.decide(REF, metadata(Map.of(
                KernelImagePolicy.KERNELSPEC_LABEL, kernelspec), "amd64", false));

        assertThat(decision.accepted() ? "accepted" : decision.skipReason().text()).isEqualTo(outcome);
    }

    @Test
    void decide_missingKernelspecIsSkippedAsSuch() {
        assertThat(policy.decide(REF, metadata(Map.of("maintainer", "x"), "amd64", false)).skipReason())
                .isEqualTo(SkipReason.MISSING_KERNELSPEC);
    }

    @Test
    void decide_singlePlatformImageOfAnotherArchitectureIsSkippedWhenStrict() {
        Map<String, String> labels = Map.of(KernelImagePolicy.KERNELSPEC_LABEL, "1");

        assertThat(policy.decide(REF, metadata(labels, "arm64", false)).skipReason().text())
                .isEqualTo("architecture arm64 \u2260 amd64");
        assertThat(new KernelImagePolicy(1, 1, "amd64", false).decide(REF, metadata(labels, "arm64", false))
                .accepted()).as("not strict, as 21.09 by default").isTrue();
        assertThat(policy.decide(REF, metadata(labels, "arm64", true)).accepted())
                .as("picked from an index by platform: the config's own field is not second-guessed").isTrue();
        assertThat(policy.decide(REF, metadata(labels, null, false)).accepted()).isTrue();
    }

    @Test
    void decide_acceptedRecordCarriesDigestSizeAndAllLabels() {
        Map<String, String> labels = new HashMap<>(Map.of(KernelImagePolicy.KERNELSPEC_LABEL, "1",
                "ai.backend.accelerators", "cuda", "ai.backend.resource.min.cuda.device", "1",
                "ai.backend.resource.min.mem", "1g"));

        ImageRecord record = policy.decide(REF, metadata(labels, "amd64", false)).record();

        assertThat(record.ref()).isEqualTo(REF);
        assertThat(record.configDigest()).isEqualTo("sha256:config");
        assertThat(record.sizeBytes()).isEqualTo(1234);
        assertThat(record.labels()).isEqualTo(labels);
        assertThat(record.accelerators()).isEqualTo("cuda");
        assertThat(record.resourceMinimums()).containsExactly(Map.entry("cuda.device", "1"), Map.entry("mem", "1g"));
    }

    @Test
    void fingerprint_changesWithEveryInputOfADecision() {
        assertThat(policy.fingerprint())
                .isNotEqualTo(new KernelImagePolicy(1, 2, "amd64", true).fingerprint())
                .isNotEqualTo(new KernelImagePolicy(1, 1, "arm64", true).fingerprint())
                .isNotEqualTo(new KernelImagePolicy(1, 1, "amd64", false).fingerprint())
                .isEqualTo(new KernelImagePolicy(1, 1, "amd64", true).fingerprint());
    }

    @Test
    void emptyKernelspecRange_isRejected() {
        assertThatThrownBy(() -> new KernelImagePolicy(2, 1, "amd64", true))
                .hasMessage("kernelspec range is empty: min 2 > max 1");
    }

    private static ImageMetadata metadata(Map<String, String> labels, String architecture, boolean fromIndex) {
        return new ImageMetadata("sha256:config", 1234, labels, architecture, fromIndex);
    }
}
