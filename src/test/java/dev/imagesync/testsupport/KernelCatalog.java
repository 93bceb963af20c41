package dev.imagesync.testsupport;

import dev.imagesync.registry.ImagePusher;
import dev.imagesync.registry.ImageSpec;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** Pushes small amd64 kernel images ({@code kernelspec 1}) that rescan-images turns into records. */
public final class KernelCatalog {

    private KernelCatalog() {
    }

    /** {@code repository:t00 ... t{n-1}}, each a distinct image. */
    public static void push(URI registry, String repository, int tags) {
        try (ImagePusher pusher = new ImagePusher(registry)) {
            for (int tag = 0; tag < tags; tag++) {
                pusher.pushImage(repository, String.format("t%02d", tag), ImageSpec.single("amd64", labels(tag)));
            }
        }
    }

    /** The etcd key name of a registry as the scan writes it: {@code host%3Aport}. */
    public static String quotedName(DockerRegistryServer registry) {
        return registry.hostAndPort().replace(":", "%3A");
    }

    private static Map<String, String> labels(int tag) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("ai.backend.kernelspec", "1");
        labels.put("ai.backend.features", "batch query uid-match");
        labels.put("ai.backend.resource.min.cpu", "1");
        labels.put("ai.backend.resource.min.mem", "256m");
        labels.put("org.opencontainers.image.version", Integer.toString(tag));
        return labels;
    }
}
