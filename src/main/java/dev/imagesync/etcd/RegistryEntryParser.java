package dev.imagesync.etcd;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.imagesync.image.RegistryConfig;
import dev.imagesync.image.RegistryType;
import dev.imagesync.image.RegistryUrl;

/**
 * Turns one registry's subtree ({@code config/docker/registry/{q(name)}} read as an {@link EtcdTree}) into a
 * {@link RegistryConfig}, or a one-line error. Messages name the bad value except the password, and show a
 * URL without its user-info part (it may carry credentials).
 */
final class RegistryEntryParser {

    // The truth values Backend.AI's config checker (trafaret's ToBool) accepts.
    private static final Set<String> TRUE_WORDS = Set.of("t", "true", "y", "yes", "on", "1");
    private static final Set<String> FALSE_WORDS = Set.of("f", "false", "n", "no", "off", "0", "none");

    private RegistryEntryParser() {
    }

    static RegistryConfigResult parse(String name, EtcdTree entry) {
        try {
            URI url = parseUrl(entry.ownValue());
            RegistryType type = RegistryType.fromConfig(entry.text("type").orElse(null));
            return RegistryConfigResult.valid(new RegistryConfig(name, url, type,
                    projects(entry.text("project").orElse("")),
                    entry.text("username").orElse(null),
                    entry.text("password").orElse(null),
                    sslVerify(entry.text("ssl-verify"))));
        } catch (IllegalArgumentException invalid) {
            return RegistryConfigResult.invalid(name, invalid.getMessage());
        }
    }

    private static URI parseUrl(Optional<String> value) {
        String text = value.map(String::strip)
                .filter(url -> !url.isEmpty())
                .orElseThrow(() -> new IllegalArgumentException("no URL (the registry key itself has no value)"));
        return RegistryUrl.parse(text);
    }

    private static List<String> projects(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(","))
                .map(String::strip)
                .filter(project -> !project.isEmpty())
                .toList();
    }

    private static boolean sslVerify(Optional<String> value) {
        if (value.isEmpty()) {
            return true;
        }
        String word = value.get().strip().toLowerCase(Locale.ROOT);
        if (TRUE_WORDS.contains(word)) {
            return true;
        }
        if (FALSE_WORDS.contains(word)) {
            return false;
        }
        throw new IllegalArgumentException("ssl-verify '" + value.get().strip()
                + "' is not a boolean (true/false, yes/no, on/off, 1/0)");
    }
}
