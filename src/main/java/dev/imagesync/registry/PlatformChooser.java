package dev.imagesync.registry;

import dev.imagesync.registry.wire.DescriptorTemplate;
import dev.imagesync.registry.wire.PlatformTemplate;

import java.util.List;
import java.util.Optional;

/**
 * Picks the entry of a manifest list / OCI index for one architecture (Docker naming: {@code amd64},
 * {@code arm64}). BuildKit's attestation manifests ({@code architecture: unknown}) never match; when several
 * entries match (e.g. linux and windows), linux wins, else the first listed.
 */
final class PlatformChooser {

    private static final String ATTESTATION_ARCHITECTURE = "unknown";

    private final String architecture;

    PlatformChooser(String architecture) {
        this.architecture = architecture;
    }

    Optional<DescriptorTemplate> choose(List<DescriptorTemplate> entries) {
        List<DescriptorTemplate> matching = (entries == null ? List.<DescriptorTemplate>of() : entries).stream()
                .filter(entry -> entry.digest() != null && entry.platform() != null)
                .filter(entry -> !ATTESTATION_ARCHITECTURE.equals(entry.platform().architecture()))
                .filter(entry -> architecture.equals(entry.platform().architecture()))
                .toList();
        return matching.stream()
                .filter(entry -> isLinux(entry.platform()))
                .findFirst()
                .or(() -> matching.stream().findFirst());
    }

    private static boolean isLinux(PlatformTemplate platform) {
        return "linux".equals(platform.os());
    }
}
