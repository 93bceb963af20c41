package dev.imagesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.imagesync.app.ImagesyncApplication;
import dev.imagesync.etcd.KeyValueStore;
import dev.imagesync.testsupport.LocalServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = ImagesyncApplication.class)
class ImportCommandsTest {

    private static final String NAMESPACE = CliTestSupport.newNamespace();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CliTestSupport.properties(registry, NAMESPACE);
    }

    @Autowired
    ImagesyncCommandLine cli;

    @Autowired
    KeyValueStore store;

    @TempDir
    Path directory;

    @BeforeEach
    void emptyNamespace() {
        store.deletePrefix("");
        store.put("config/docker/registry/cr.backend.ai", "https://cr.backend.ai");
    }

    @Test
    void importAliases_writesEveryAliasInTransactionsOfAtMost16() throws IOException {
        String pairs = IntStream.range(0, 40)
                .mapToObj(i -> String.format("  - [\"py/%02d\", cr.backend.ai/stable/python:3.%d]", i, i))
                .collect(Collectors.joining("\n"));
        Path file = write("aliases.yaml", "aliases:\n" + pairs + "\n");
        CliTestSupport.Result result = CliTestSupport.run(cli, "import-aliases", file.toString());

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(store.getPrefix("images/_aliases")).hasSize(40)
                .containsEntry("images/_aliases/py%2F07", "cr.backend.ai/stable/python:3.7");
        // Keys written in one transaction share its revision (other keys, e.g. the job's owner key, do not count).
        assertThat(LocalServices.etcd().rawModRevisions("/sorna/" + NAMESPACE + "/images/_aliases/"))
                .as("one txn per chunk of 16").hasSize(3);
    }

    @Test
    void importAliases_invalidFile_listsEveryProblemWithItsLineAndWritesNothing() throws IOException {
        Path file = write("aliases.yaml", """
                aliases:
                  - [python, python:3.9]
                  - ["", python:3.9]
                  - [self, self]
                  - [bad, "https://cr.backend.ai/python"]
                  - [python, python:3.10]
                  - [lonely]
                  - {alias: x}
                  - [num, 3]
                """);
        long revision = LocalServices.etcd().revision();

        CliTestSupport.Result result = CliTestSupport.run(cli, "import-aliases", file.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().lines()).singleElement().asString()
                .startsWith("imagesync import-aliases: error: " + file + ": 7 problems: ")
                .contains("line 3: alias is empty")
                .contains("line 4: alias 'self' targets itself")
                .contains("line 5: target of alias 'bad': invalid image reference 'https://cr.backend.ai/python'")
                .contains("line 6: alias 'python' is already defined on line 2")
                .contains("line 7: expected a pair [alias, target], found a list of 1 items")
                .contains("line 8: expected a pair [alias, target], found a mapping")
                .contains("line 9: target must be a string, found int '3'");
        assertThat(LocalServices.etcd().revision()).isEqualTo(revision);
        assertThat(store.getPrefix("images")).isEmpty();
    }

    @Test
    void importAliases_missingFile_isOneLineError() {
        long revision = LocalServices.etcd().revision();
        Path missing = directory.resolve("nope.yaml");

        CliTestSupport.Result result = CliTestSupport.run(cli, "import-aliases", missing.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("imagesync import-aliases: error: " + missing + ": cannot read: no such file\n");
        assertThat(LocalServices.etcd().revision()).isEqualTo(revision);
    }

    @Test
    void importAliases_dryRun_printsChangedKeysWithoutWriting() throws IOException {
        store.put("images/_aliases/python", "python:3.8");
        store.put("images/_aliases/r", "r:4.1");
        Path file = write("aliases.yaml", "aliases:\n  - [python, python:3.9]\n  - [r, r:4.1]\n  - [go, go:1.20]\n");
        long revision = LocalServices.etcd().revision();

        CliTestSupport.Result result = CliTestSupport.run(cli, "import-aliases", file.toString(), "--dry-run");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).isEqualTo("""
                would set images/_aliases/go = go:1.20 (new)
                would set images/_aliases/python = python:3.9 (was python:3.8)
                dry run: 2 keys would change (3 entries valid); nothing written
                """);
        assertThat(LocalServices.etcd().revision()).isEqualTo(revision);
    }

    @Test
    void importVolumes_writesMountOptions() throws IOException {
        Path file = write("volumes.yaml", """
                volumes:
                  - name: nfs-home
                    mount:
                      type: nfs
                      device: "10.0.0.5:/export/home"
                      options: rw,vers=4
                  - name: scratch
                    mount: {type: tmpfs, size: 1024}
                """);

        CliTestSupport.Result result = CliTestSupport.run(cli, "import-volumes", file.toString());

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(store.getPrefix("volumes")).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                "volumes/nfs-home/mount/type", "nfs",
                "volumes/nfs-home/mount/device", "10.0.0.5:/export/home",
                "volumes/nfs-home/mount/options", "rw,vers=4",
                "volumes/scratch/mount/type", "tmpfs",
                "volumes/scratch/mount/size", "1024"));
    }

    @Test
    void importVolumes_invalidFile_listsEveryProblemAndWritesNothing() throws IOException {
        Path file = write("volumes.yaml", """
                volumes:
                  - name: a/b
                    mount: {type: nfs}
                  - name: ""
                    mount: {type: nfs}
                  - name: ok
                    mount: {type: nfs}
                  - name: ok
                    mount: {type: nfs}
                  - name: nomount
                  - name: listmount
                    mount: [a, b]
                  - name: extra
                    mount: {type: nfs}
                    size: 3
                  - just-a-string
                """);
        long revision = LocalServices.etcd().revision();

        CliTestSupport.Result result = CliTestSupport.run(cli, "import-volumes", file.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).startsWith("imagesync import-volumes: error: " + file + ": 7 problems: ")
                .contains("line 2: volume name 'a/b' contains '/'")
                .contains("line 4: name must be a non-empty string")
                .contains("line 8: volume 'ok' is already defined on line 6")
                .contains("line 10: volume has no 'mount'")
                .contains("line 12: mount must be a mapping of option to value, found a list")
                .contains("line 15: unknown key 'size' (expected name, mount)")
                .contains("line 16: expected a mapping {name, mount}, found str 'just-a-string'");
        assertThat(LocalServices.etcd().revision()).isEqualTo(revision);
    }

    @Test
    void imports_rejectSyntaxErrorsAndWrongTopLevelKeys() throws IOException {
        Path broken = write("broken.yaml", "aliases:\n  - [a, b\n  - c: d: e\n");
        Path wrongKey = write("wrong.yaml", "alias:\n  - [a, python]\n");
        Path notAList = write("notalist.yaml", "volumes: {name: x}\n");

        assertThat(CliTestSupport.run(cli, "import-aliases", broken.toString()).err())
                .matches("imagesync import-aliases: error: .*broken.yaml: 1 problem: line \\d: YAML syntax: .*\n");
        assertThat(CliTestSupport.run(cli, "import-aliases", wrongKey.toString()).err())
                .endsWith("wrong.yaml: 1 problem: line 1: no top-level key 'aliases'\n");
        assertThat(CliTestSupport.run(cli, "import-volumes", notAList.toString()).err())
                .endsWith("notalist.yaml: 1 problem: line 1: 'volumes' must be a list\n");
        assertThat(store.getPrefix("images/_aliases")).isEmpty();
        assertThat(store.getPrefix("volumes")).isEmpty();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }
}
