package dev.imagesync.job.aliases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import dev.imagesync.catalog.KnownRegistries;
import dev.imagesync.etcd.JetcdKeyValueStore;
import dev.imagesync.job.imports.ImportFile;
import dev.imagesync.job.imports.ImportFileException;
import dev.imagesync.job.imports.ImportFileItemReader;
import dev.imagesync.testsupport.LocalServices;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class AliasFileParserTest {

    private static final Path EXAMPLE = Path.of("jobs/import-aliases/aliases.yaml");

    @AutoClose
    private final JetcdKeyValueStore store = LocalServices.etcd().newStore();
    private final AliasFileParser parser = new AliasFileParser(new KnownRegistries(store));

    @Test
    void exampleFile_isValid() {
        store.put("config/docker/registry/cr.backend.ai", "https://cr.backend.ai");

        List<AliasEntry> entries = parser.parse(ImportFile.read(EXAMPLE));

        assertThat(entries).hasSize(6).first()
                .isEqualTo(new AliasEntry("python", "cr.backend.ai/stable/python:3.9-ubuntu20.04", 4));
        assertThat(parser.keysOf(entries.get(1))).containsEntry("images/_aliases/python%3A3.9",
                "cr.backend.ai/stable/python:3.9-ubuntu20.04");
    }

    @Test
    void invalidExample_reportsEveryProblemOnce() {
        assertThatThrownBy(() -> parser.parse(ImportFile.read(Path.of("jobs/import-aliases/invalid-aliases.yaml"))))
                .isInstanceOf(ImportFileException.class)
                .hasMessageContaining(": 5 problems: line 3: alias is empty; line 4: alias 'loop' targets itself; "
                        + "line 5: target of alias 'web': invalid image reference");
    }

    @Test
    void reader_resumesAfterTheCountSavedInTheExecutionContext() throws Exception {
        ImportFile file = ImportFile.read(EXAMPLE);
        ExecutionContext saved = new ExecutionContext();
        ImportFileItemReader<AliasEntry> first = new ImportFileItemReader<>("r", EXAMPLE, file.sha256(), parser);
        first.open(new ExecutionContext());
        first.read();
        first.read();
        first.update(saved);
        first.close();

        ImportFileItemReader<AliasEntry> resumed = new ImportFileItemReader<>("r", EXAMPLE, file.sha256(), parser);
        resumed.open(saved);

        assertThat(resumed.read().alias()).isEqualTo("python:3.10");
    }

    @Test
    void reader_refusesAFileWhoseContentChanged() {
        ImportFileItemReader<AliasEntry> reader = new ImportFileItemReader<>("r", EXAMPLE, "0".repeat(64), parser);

        assertThatThrownBy(() -> reader.open(new ExecutionContext()))
                .rootCause().isInstanceOf(ImportFileException.class)
                .hasMessageContaining("changed since this import started");
    }
}
