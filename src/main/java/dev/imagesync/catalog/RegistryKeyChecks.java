package dev.imagesync.catalog;

import static dev.imagesync.etcd.EtcdKeyCodec.quote;

import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;

import dev.imagesync.etcd.EtcdTree;
import dev.imagesync.etcd.RegistryConfigReader;
import dev.imagesync.image.RegistryType;
import dev.imagesync.image.RegistryUrl;

/**
 * Checks each key of one registry's subtree on its own, so {@code validate-config} names every bad key rather
 * than the first one per registry (which is all the scan needs). Never shows a password or URL user-info.
 */
final class RegistryKeyChecks {

    // trafaret's ToBool, as the manager's config checker used it.
    private static final Set<String> BOOLEAN_WORDS =
            Set.of("t", "true", "y", "yes", "on", "1", "f", "false", "n", "no", "off", "0", "none");

    private RegistryKeyChecks() {
    }

    static void check(String name, EtcdTree registry, BiConsumer<String, String> problem) {
        String key = RegistryConfigReader.REGISTRY_PREFIX + "/" + quote(name);
        String urlProblem = urlProblem(registry.ownValue().orElse("").strip());
        if (urlProblem != null) {
            problem.accept(key, urlProblem);
        }
        registry.text("type").ifPresent(type -> {
            try {
                RegistryType.fromConfig(type);
            } catch (IllegalArgumentException unknown) {
                problem.accept(key + "/type", unknown.getMessage());
            }
        });
        registry.text("ssl-verify").ifPresent(flag -> {
            if (!BOOLEAN_WORDS.contains(flag.strip().toLowerCase(Locale.ROOT))) {
                problem.accept(key + "/ssl-verify", "'" + flag + "' is not a boolean (true/false, yes/no, on/off, 1/0)");
            }
        });
    }

    private static String urlProblem(String url) {
        if (url.isEmpty()) {
            return "no registry URL (the key itself has no value)";
        }
        try {
            RegistryUrl.parse(url);
            return null;
        } catch (IllegalArgumentException problem) {
            return problem.getMessage();
        }
    }
}
