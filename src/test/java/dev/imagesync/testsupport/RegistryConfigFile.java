package dev.imagesync.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** Writes the {@code config.yml} (and htpasswd file) a test {@link DockerRegistryServer} runs with. */
final class RegistryConfigFile {

    private RegistryConfigFile() {
    }

    /**
     * No {@code storage.cache}: a blob descriptor cache would answer for blobs a test deleted behind the
     * registry's back. Deletes are enabled so tests can remove manifests through the API.
     */
    static Path write(Path directory, int port, RegistryTls tls, Path htpasswd) {
        StringBuilder yaml = new StringBuilder()
                .append("version: 0.1\n")
                .append("log:\n  level: info\n")
                .append("storage:\n")
                .append("  filesystem:\n    rootdirectory: ").append(directory.resolve("storage")).append('\n')
                .append("  delete:\n    enabled: true\n")
                .append("http:\n")
                .append("  addr: 127.0.0.1:").append(port).append('\n')
                .append("  secret: ").append(UUID.randomUUID()).append('\n');
        if (tls != null) {
            yaml.append("  tls:\n")
                    .append("    certificate: ").append(tls.certificate()).append('\n')
                    .append("    key: ").append(tls.key()).append('\n');
        }
        if (htpasswd != null) {
            yaml.append("auth:\n  htpasswd:\n    realm: imagesync-test\n    path: ").append(htpasswd).append('\n');
        }
        return writeFile(directory.resolve("config.yml"), yaml.toString());
    }

    /** {@code htpasswd -Bbn user pass}: the registry accepts bcrypt entries only. */
    static Path writeHtpasswd(Path directory, String user, String password) {
        String htpasswd = RequiredBinary.locate("htpasswd", "apache2-utils");
        String entry = ExternalCommand.run(directory, List.of(htpasswd, "-Bbn", user, password)).strip();
        return writeFile(directory.resolve("htpasswd"), entry + "\n");
    }

    private static Path writeFile(Path file, String content) {
        try {
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
