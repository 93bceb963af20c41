package dev.imagesync.cli;

import dev.imagesync.app.ImagesyncApplication;
import dev.imagesync.etcd.KeyValueStore;
import dev.imagesync.testsupport.EtcdServer;
import dev.imagesync.testsupport.LocalServices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI in-process against a real etcd: outputs, exit codes and one-line errors. */
@SpringBootTest(classes = ImagesyncApplication.class, properties = "imagesync.cli.enabled=false")
class CommandLineTest {

    private static final String NAMESPACE = EtcdServer.randomNamespace();

    @Autowired
    ImagesyncCommandLine commandLine;
    @Autowired
    KeyValueStore store;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry properties) {
        properties.add("imagesync.etcd.endpoints", () -> LocalServices.etcd().endpoint());
        properties.add("imagesync.etcd.namespace", () -> NAMESPACE);
        properties.add("spring.datasource.url", () -> "jdbc:h2:mem:" + NAMESPACE + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void everyCommand_hasHelpWithAnExample() {
        for (CommandLine subcommand : commandLine.create().getSubcommands().values()) {
            Run help = run(subcommand.getCommandName(), "--help");
            assertThat(help.code).as(subcommand.getCommandName()).isZero();
            assertThat(help.out).as(subcommand.getCommandName()).contains("Usage: imagesync " + subcommand.getCommandName())
                    .contains("Example: imagesync " + subcommand.getCommandName());
        }
        assertThat(run("--help").out).contains("rescan-images", "restart", "executions", "quote", "get");
    }

    @Test
    void quoteAndUnquote_printPythonCompatibleResults() {
        assertThat(run("quote", "cr.backend.ai/stable python:3.9~").out).isEqualTo("cr.backend.ai%2Fstable%20python%3A3.9~\n");
        assertThat(run("unquote", "cr.backend.ai%2fstable%20x+y").out).isEqualTo("cr.backend.ai/stable x+y\n");
    }

    @Test
    void putGetDelete_roundTripThroughEtcd() {
        assertThat(run("put", "images/_aliases/py", "cr.backend.ai/stable/python:3.9").code).isZero();
        assertThat(run("get", "images/_aliases/py").out).isEqualTo("cr.backend.ai/stable/python:3.9\n");
        store.put("images/cr.backend.ai/stable%2Fpython", "1");
        store.put("images/cr.backend.ai/stable%2Fpython/3.9", "sha256:x");

        Run tree = run("get", "images/cr.backend.ai", "--prefix");

        assertThat(tree.out).contains("\"stable/python\"", "\"\" : \"1\"", "\"3.9\" : \"sha256:x\"");
        assertThat(run("delete", "images", "--prefix").out).isEqualTo("deleted 3 keys\n");
    }

    @Test
    void getOfAMissingKey_exitsOneWithALine() {
        Run missing = run("get", "no/such/key");

        assertThat(missing.code).isEqualTo(1);
        assertThat(missing.err).isEqualTo("imagesync get: no key no/such/key\n");
    }

    @Test
    void wrongUsage_exitsTwo() {
        assertThat(run("put", "only-a-key").code).isEqualTo(2);
        assertThat(run("no-such-command").code).isEqualTo(2);
    }

    @Test
    void restartOfAnUnknownExecution_isOneLine() {
        Run restart = run("restart", "987654");

        assertThat(restart.code).isEqualTo(1);
        assertThat(restart.err.strip()).isEqualTo("imagesync restart: error: no job execution with id 987654");
    }

    private Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            CommandLine cli = commandLine.create();
            cli.setOut(new java.io.PrintWriter(System.out, true));
            cli.setErr(new java.io.PrintWriter(System.err, true));
            int code = cli.execute(args);
            return new Run(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private record Run(int code, String out, String err) {
    }
}
