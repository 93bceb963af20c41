package dev.imagesync.cli;

import dev.imagesync.app.ImagesyncApplication;
import dev.imagesync.etcd.KeyValueStore;
import dev.imagesync.testsupport.EtcdServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import picocli.CommandLine;


import static org.assertj.core.api.Assertions.assertThat;

/** The CLI in-process against a real etcd: outputs, exit codes and one-line errors. */
@SpringBootTest(classes = ImagesyncApplication.class)
class CommandLineTest {

    private static final String NAMESPACE = EtcdServer.randomNamespace();

    @Autowired
    ImagesyncCommandLine commandLine;
    @Autowired
    KeyValueStore store;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry properties) {
        CliTestSupport.properties(properties, NAMESPACE);
    }

    @Test
    void everyCommand_hasHelpWithAnExample() {
        for (CommandLine subcommand : commandLine.create().getSubcommands().values()) {
            CliTestSupport.Result help = run(subcommand.getCommandName(), "--help");
            assertThat(help.exit()).as(subcommand.getCommandName()).isZero();
            assertThat(help.out()).as(subcommand.getCommandName()).contains("Usage: imagesync " + subcommand.getCommandName())
                    .contains("Example: imagesync " + subcommand.getCommandName());
        }
        assertThat(run("--help").out()).contains("rescan-images", "restart", "executions", "quote", "get");
    }

    @Test
    void registryUrlOption_thatIsNoRegistryUrl_isRefusedInOneLineBeforeAnyRequest() {
        for (String command : new String[] {"fetch-ceiling", "seed-samples"}) {
            CliTestSupport.Result refused = run(command, "--registry-url", "cr.backend.ai");

            assertThat(refused.exit()).as(command).isEqualTo(2);
            assertThat(refused.err().lines().findFirst()).as(command).hasValue("Invalid value for option "
                    + "'--registry-url': URL 'cr.backend.ai' needs an http:// or https:// scheme");
        }
    }

    @Test
    void quoteAndUnquote_printPythonCompatibleResults() {
        assertThat(run("quote", "cr.backend.ai/stable python:3.9~").out()).isEqualTo("cr.backend.ai%2Fstable%20python%3A3.9~\n");
        assertThat(run("unquote", "cr.backend.ai%2fstable%20x+y").out()).isEqualTo("cr.backend.ai/stable x+y\n");
    }

    @Test
    void putGetDelete_roundTripThroughEtcd() {
        assertThat(run("put", "images/_aliases/py", "cr.backend.ai/stable/python:3.9").exit()).isZero();
        assertThat(run("get", "images/_aliases/py").out()).isEqualTo("cr.backend.ai/stable/python:3.9\n");
        store.put("images/cr.backend.ai/stable%2Fpython", "1");
        store.put("images/cr.backend.ai/stable%2Fpython/3.9", "sha256:x");

        CliTestSupport.Result tree = run("get", "images/cr.backend.ai", "--prefix");

        assertThat(tree.out()).contains("\"stable/python\"", "\"\" : \"1\"", "\"3.9\" : \"sha256:x\"");
        assertThat(run("delete", "images", "--prefix").out()).isEqualTo("deleted 3 keys\n");
    }

    @Test
    void getOfAMissingKey_exitsOneWithALine() {
        CliTestSupport.Result missing = run("get", "no/such/key");

        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("imagesync get: no key no/such/key\n");
    }

    @Test
    void wrongUsage_exitsTwo() {
        assertThat(run("put", "only-a-key").exit()).isEqualTo(2);
        assertThat(run("no-such-command").exit()).isEqualTo(2);
    }

    @Test
    void restartOfAnUnknownExecution_isOneLine() {
        CliTestSupport.Result restart = run("restart", "987654");

        assertThat(restart.exit()).isEqualTo(1);
        assertThat(restart.err().strip()).isEqualTo("imagesync restart: error: no job execution with id 987654");
    }

    private CliTestSupport.Result run(String... args) {
        return CliTestSupport.run(commandLine, args);
    }

}
