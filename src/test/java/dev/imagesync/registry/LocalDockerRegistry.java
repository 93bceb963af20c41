package dev.imagesync.registry;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Debian's {@code docker-registry} (Distribution 2.8) on a free loopback port with its data in a temporary
 * directory; stopped (the process this started, by its handle) on close.
 */
final class LocalDockerRegistry implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/docker-registry");

    private final Process process;
    private final URI uri;

    LocalDockerRegistry() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("imagesync-registry");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path config = dir.resolve("config.yml");
        Files.writeString(config, String.join("\n", "version: 0.1", "log:", "  level: error", "storage:",
                "  filesystem:", "    rootdirectory: " + dir.resolve("data"), "http:", "  addr: 127.0.0.1:" + port, ""));
        process = new ProcessBuilder(BINARY.toString(), "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        uri = URI.create("http://127.0.0.1:" + port);
        awaitReady();
    }

    URI uri() {
        return uri;
    }

    private void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpURLConnection connection = (HttpURLConnection) uri.resolve("/v2/").toURL().openConnection();
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                Thread.sleep(50);
            }
        }
        close();
        throw new IllegalStateException("docker-registry did not start on " + uri);
    }

    @Override
    public void close() {
        process.destroy();
    }
}
