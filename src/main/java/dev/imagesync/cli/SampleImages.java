package dev.imagesync.cli;

import dev.imagesync.registry.ImageSpec;
import dev.imagesync.registry.ManifestFormat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The images {@code seed-samples} pushes: a few kernels and a few images the scan must leave out. */
final class SampleImages {

    /** One image to push: repository, tag and how to build it. */
    record Sample(String repository, String tag, ImageSpec spec) {
    }

    private SampleImages() {
    }

    /** A small catalog that shows every kind of tag the scan meets. */
    static List<Sample> showcase(String architecture) {
        String other = "arm64".equals(architecture) ? "amd64" : "arm64";
        return List.of(
                new Sample("lablup/python", "3.9-ubuntu20.04", ImageSpec.single(architecture, kernel("python", "3.9"))),
                new Sample("lablup/python", "3.10-ubuntu22.04",
                        ImageSpec.index(kernel("python", "3.10"), architecture, other).withFormat(ManifestFormat.OCI)),
                new Sample("lablup/python-tensorflow", "2.7-py38-cuda11.3",
                        ImageSpec.single(architecture, cudaKernel())),
                new Sample("lablup/python", "2.7-legacy", ImageSpec.single(architecture, withKernelspec("2"))),
                new Sample("lablup/postgres", "13", ImageSpec.single(architecture, Map.of("maintainer", "lablup"))),
                new Sample("lablup/base-python", "3.9", ImageSpec.single(architecture, kernel("python", "3.9"))));
    }

    /**
     * {@code repositories × tags} kernel images for benchmarks, {@code bench/r000:t000} and so on, or only every
     * {@code every}-th of them, single-platform or as manifest lists of two platforms. Each push has a fresh
     * random layer, so pushing a tag again changes its digest.
     */
    static List<Sample> synthetic(int repositories, int tags, String architecture, int every, boolean multiArch) {
        String other = "arm64".equals(architecture) ? "amd64" : "arm64";
        List<Sample> samples = new ArrayList<>(repositories * tags);
        for (int r = 0; r < repositories; r++) {
            for (int t = 0; t < tags; t++) {
                if ((r * tags + t) % Math.max(every, 1) != 0) {
                    continue;
                }
                Map<String, String> labels = kernel("bench", r + "." + t);
                samples.add(new Sample(String.format("bench/r%03d", r), String.format("t%03d", t), multiArch
                        ? ImageSpec.index(labels, architecture, other) : ImageSpec.single(architecture, labels)));
            }
        }
        return samples;
    }

    private static Map<String, String> kernel(String name, String version) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("ai.backend.kernelspec", "1");
        labels.put("ai.backend.features", "batch query uid-match user-input");
        labels.put("ai.backend.base-distro", "ubuntu20.04");
        labels.put("ai.backend.runtime-type", "python");
        labels.put("ai.backend.runtime-path", "/usr/bin/python3");
        labels.put("ai.backend.resource.min.cpu", "1");
        labels.put("ai.backend.resource.min.mem", "256m");
        labels.put("ai.backend.service-ports", "ipython:pty:3000,jupyter:http:8080");
        labels.put("org.opencontainers.image.title", name + " " + version);
        return labels;
    }

    private static Map<String, String> cudaKernel() {
        Map<String, String> labels = kernel("tensorflow", "2.7");
        labels.put("ai.backend.accelerators", "cuda");
        labels.put("ai.backend.resource.min.cuda.device", "1");
        labels.put("ai.backend.resource.min.cuda.shares", "0.1");
        return labels;
    }

    private static Map<String, String> withKernelspec(String kernelspec) {
        Map<String, String> labels = kernel("python", "2.7");
        labels.put("ai.backend.kernelspec", kernelspec);
        return labels;
    }
}
