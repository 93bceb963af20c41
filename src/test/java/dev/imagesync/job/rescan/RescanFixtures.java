package dev.imagesync.job.rescan;

import dev.imagesync.registry.ImagePusher;
import dev.imagesync.registry.ImageSpec;
import dev.imagesync.registry.ManifestFormat;
import dev.imagesync.testsupport.RegistryOracle;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The images the rescan tests push to a real docker-registry: every kind of tag the scan must accept or skip.
 * The scan runs with architecture amd64.
 */
final class RescanFixtures {

    /** Tags the scan must turn into records. */
    static final List<String> ACCEPTED = List.of(
            "kernels/python:3.9-schema2", "kernels/python:3.9-oci", "kernels/python:3.10-list",
            "kernels/python:3.10-index", "kernels/python:3.11-container-config", "kernels/python:3.11-both",
            "kernels/tensorflow:2.7-cuda");

    /** Tags the scan must skip, with the reason it must count them under. */
    static final Map<String, String> SKIPPED = Map.of(
            "kernels/python:arm64-only", "no amd64 manifest",
            "kernels/python:arm64-single", "architecture arm64 \u2260 amd64",
            "kernels/python:no-kernelspec", "missing kernelspec",
            "kernels/python:kernelspec-2", "unsupported kernelspec",
            "kernels/python:kernelspec-abc", "unsupported kernelspec");

    private RescanFixtures() {
    }

    static void push(URI registry) {
        try (ImagePusher pusher = new ImagePusher(registry)) {
            ImageSpec kernel = ImageSpec.single("amd64", kernelLabels("1"));
            pusher.pushImage("kernels/python", "3.9-schema2", kernel);
            pusher.pushImage("kernels/python", "3.9-oci", kernel.withFormat(ManifestFormat.OCI));
            pusher.pushImage("kernels/python", "3.10-list", ImageSpec.index(kernelLabels("1"), "amd64", "arm64"));
            pusher.pushImage("kernels/python", "3.10-index",
                    ImageSpec.index(kernelLabels("1"), "arm64", "amd64").withFormat(ManifestFormat.OCI));
            pusher.pushImage("kernels/python", "3.11-container-config",
                    kernel.withLabelPlacement(ImageSpec.LabelPlacement.CONTAINER_CONFIG));
            pusher.pushImage("kernels/python", "3.11-both", kernel.withLabelPlacement(ImageSpec.LabelPlacement.BOTH));
            pusher.pushImage("kernels/tensorflow", "2.7-cuda", ImageSpec.single("amd64", cudaLabels()));

            pusher.pushImage("kernels/python", "arm64-only", ImageSpec.index(kernelLabels("1"), "arm64"));
            pusher.pushImage("kernels/python", "arm64-single", ImageSpec.single("arm64", kernelLabels("1")));
            pusher.pushImage("kernels/python", "no-kernelspec", ImageSpec.single("amd64", Map.of("maintainer", "x")));
            pusher.pushImage("kernels/python", "kernelspec-2", ImageSpec.single("amd64", kernelLabels("2")));
            pusher.pushImage("kernels/python", "kernelspec-abc", ImageSpec.single("amd64", kernelLabels("abc")));

            // Not kernels by name: never listed for tags.
            pusher.pushImage("lablup/base-python", "3.9", kernel);
            pusher.pushImage("lablup/kernel-builder", "1.0", kernel);
            pusher.pushImage("lablup/backendai-agent", "21.09", kernel);
            // A repository whose only tag is deleted: the catalog still names it.
            pusher.pushImage("kernels/emptied", "gone", kernel);
        }
        new RegistryOracle(registry).deleteTag("kernels/emptied", "gone");
    }

    static Map<String, String> kernelLabels(String kernelspec) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("ai.backend.kernelspec", kernelspec);
        labels.put("ai.backend.features", "batch query uid-match");
        labels.put("ai.backend.resource.min.cpu", "1");
        labels.put("ai.backend.resource.min.mem", "256m");
        labels.put("ai.backend.service-ports", "jupyter:http:8080");
        return labels;
    }

    static Map<String, String> cudaLabels() {
        Map<String, String> labels = kernelLabels("1");
        labels.put("ai.backend.accelerators", "cuda");
        labels.put("ai.backend.resource.min.cuda.device", "1");
        return labels;
    }
}
