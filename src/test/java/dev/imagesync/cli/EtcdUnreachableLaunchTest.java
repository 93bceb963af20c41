package dev.imagesync.cli;

import dev.imagesync.app.ImagesyncApplication;
import dev.imagesync.job.JobRunner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job launched while etcd is out of reach fails before an execution is created (the process lease is taken
 * first): one line on stderr, a non-zero exit, and nothing in the job repository for a later restart to find.
 */
@SpringBootTest(classes = ImagesyncApplication.class, properties = "imagesync.etcd.timeout=1s")
class EtcdUnreachableLaunchTest {

    private static final String NAMESPACE = CliTestSupport.newNamespace();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CliTestSupport.properties(registry, NAMESPACE);
        registry.add("imagesync.etcd.endpoints", () -> "http://127.0.0.1:" + closedPort());
    }

    @Autowired
    ImagesyncCommandLine cli;
    @Autowired
    JobRunner jobRunner;

    @Test
    void rescanImages_withEtcdOutOfReach_failsInOneLine_andLeavesNoExecution() {
        CliTestSupport.Result result = CliTestSupport.run(cli, "rescan-images", "--quiet");

        assertThat(result.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err().strip()).doesNotContain("\n").containsIgnoringCase("etcd");
        assertThat(jobRunner.recentExecutions(10)).isEmpty();
    }

    /** A loopback port nothing listens on. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
