package dev.imagesync.job.rescan;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Locale;

/**
 * How rescan-images scans ({@code imagesync.scan.*}). Defaults live in the compact constructor only.
 *
 * @param chunkSize          tags per chunk: one checkpoint and one batch of etcd transactions each (default 50)
 * @param architecture       platform a manifest list / OCI index resolves to, in Docker naming
 *                           (default: this machine's, e.g. {@code amd64})
 * @param strictArchitecture skip single-platform images built for another architecture (default true)
 * @param minKernelspec      lowest accepted {@code ai.backend.kernelspec} (default 1)
 * @param maxKernelspec      highest accepted {@code ai.backend.kernelspec} (default 1)
 * @param skipLimit          tags of one registry that may fail with a registry error and be skipped before that
 *                           registry's scan fails (default 10)
 * @param parallelRegistries registries scanned at the same time (default 2)
 */
@ConfigurationProperties("imagesync.scan")
public record ScanProperties(Integer chunkSize, String architecture, Boolean strictArchitecture,
                             Integer minKernelspec, Integer maxKernelspec, Integer skipLimit,
                             Integer parallelRegistries) {

    public ScanProperties {
        chunkSize = positiveOr(chunkSize, 50, "chunk-size");
        architecture = architecture == null || architecture.isBlank() ? dockerArchitecture(System.getProperty("os.arch"))
                : architecture.strip();
        strictArchitecture = strictArchitecture == null || strictArchitecture;
        minKernelspec = minKernelspec == null ? 1 : minKernelspec;
        maxKernelspec = maxKernelspec == null ? 1 : maxKernelspec;
        skipLimit = skipLimit == null ? 10 : skipLimit;
        parallelRegistries = positiveOr(parallelRegistries, 2, "parallel-registries");
    }

    public static ScanProperties defaults() {
        return new ScanProperties(null, null, null, null, null, null, null);
    }

    /** Maps the JVM's {@code os.arch} to the names image platforms use. */
    static String dockerArchitecture(String jvmArch) {
        return switch (jvmArch.toLowerCase(Locale.ROOT)) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "ppc64le" -> "ppc64le";
            case "s390x" -> "s390x";
            case "x86", "i386", "i686" -> "386";
            default -> jvmArch;
        };
    }

    private static int positiveOr(Integer value, int fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value < 1) {
            throw new IllegalArgumentException("imagesync.scan." + name + " must be at least 1, got " + value);
        }
        return value;
    }
}
