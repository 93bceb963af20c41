package dev.imagesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import dev.imagesync.catalog.AliasResolver;
import dev.imagesync.catalog.ImageCatalog;
import dev.imagesync.catalog.KnownRegistries;
import dev.imagesync.catalog.ManagerState;
import dev.imagesync.catalog.RedisInstalledImages;
import dev.imagesync.etcd.ImageRecordKeys;
import dev.imagesync.etcd.JetcdKeyValueStore;
import dev.imagesync.etcd.JetcdKeyWatcher;
import dev.imagesync.image.ImageRecord;
import dev.imagesync.image.TagRef;
import dev.imagesync.testsupport.LocalServices;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import picocli.CommandLine;

/** Commands built by hand where a Spring context cannot set the scene: Redis down, a watch interrupted. */
class CatalogCommandsWithoutSpringTest {

    @AutoClose
    private final JetcdKeyValueStore store = LocalServices.etcd().newStore();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void listImages_withRedisDown_printsTheListWithInstalledUnknownAndWarns() throws IOException {
        store.putAll(ImageRecordKeys.keysFor(new ImageRecord(new TagRef("cr.example.com", "python", "3.9"),
                "sha256:abc", 1, new TreeMap<>())));
        LettuceConnectionFactory deadRedis = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", unusedPort()));
        deadRedis.afterPropertiesSet();
        deadRedis.start();
        try {
            ImageCatalog catalog = new ImageCatalog(store, new AliasResolver(store, new KnownRegistries(store)),
                    new RedisInstalledImages(new StringRedisTemplate(deadRedis), "127.0.0.1 db 3"));

            int exit = commandLine(new ListImagesCommand(catalog)).execute("--short");
            int exitJson = commandLine(new ListImagesCommand(catalog)).execute("--json");

            assertThat(exit).isZero();
            assertThat(exitJson).isZero();
            assertThat(out.toString()).startsWith("cr.example.com/python:3.9\n").contains("\"installed\" : null");
            assertThat(err.toString()).startsWith("imagesync list-images: warning: Redis image index at 127.0.0.1 db 3 "
                    + "is unavailable: ").contains("; installed is unknown");
        } finally {
            deadRedis.destroy();
        }
    }

    @Test
    void managerStatusWatch_printsChangesByAnotherClientUntilInterrupted() throws Exception {
        try (JetcdKeyWatcher watcher = new JetcdKeyWatcher(store.properties());
             JetcdKeyValueStore otherClient = new JetcdKeyValueStore(store.properties())) {
            CommandLine commandLine = commandLine(new ManagerStatusCommand(new ManagerState(store, watcher)));
            int[] exit = {-1};
            Thread watching = new Thread(() -> exit[0] = commandLine.execute("--watch"));
            watching.start();
            Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> out.toString().contains("(not set)"));
            Thread.sleep(300); // the watch is registered before the first print; give etcd a moment anyway

            otherClient.put("manager/status", "running");
            otherClient.put("manager/status", "frozen");
            Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> out.toString().contains("frozen"));
            watching.interrupt();
            watching.join(5000);

            assertThat(out.toString()).isEqualTo("(not set)\nrunning\nfrozen\n");
            assertThat(exit[0]).isZero();
        }
    }

    private CommandLine commandLine(Object command) {
        return new CommandLine(command)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setExecutionExceptionHandler(new OneLineErrorHandler());
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
