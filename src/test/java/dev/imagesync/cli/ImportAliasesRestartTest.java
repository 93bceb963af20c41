package dev.imagesync.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.imagesync.app.ImagesyncApplication;
import dev.imagesync.etcd.JetcdKeyValueStore;
import dev.imagesync.job.JobRunner;
import dev.imagesync.testsupport.HookedPutAllStore;
import dev.imagesync.testsupport.LocalServices;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A crashed import (the second chunk's write fails) resumes after the committed chunk and rewrites nothing. */
@SpringBootTest(classes = {ImagesyncApplication.class, ImportAliasesRestartTest.FailSecondWrite.class})
class ImportAliasesRestartTest {

    private static final String NAMESPACE = CliTestSupport.newNamespace();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CliTestSupport.properties(registry, NAMESPACE);
    }

    @TestConfiguration
    static class FailSecondWrite {
        @Bean
        @Primary
        HookedPutAllStore failingStore(JetcdKeyValueStore real) {
            return new HookedPutAllStore(real, HookedPutAllStore.failOn(2));
        }
    }

    @Autowired
    ImagesyncCommandLine cli;

    @Autowired
    HookedPutAllStore store;

    @Autowired
    JobRunner jobRunner;

    @TempDir
    Path directory;

    @Test
    void crashedImport_resumesAfterTheLastCommittedChunk() throws Exception {
        String pairs = IntStream.range(0, 40)
                .mapToObj(i -> String.format("  - [a%02d, python:3.%d]", i, i))
                .collect(Collectors.joining("\n"));
        Path file = Files.writeString(directory.resolve("aliases.yaml"), "aliases:\n" + pairs + "\n");

        CliTestSupport.Result crashed = CliTestSupport.run(cli, "import-aliases", file.toString());

        assertThat(crashed.exit()).isEqualTo(1);
        assertThat(store.getPrefix("images/_aliases")).hasSize(16);
        long failedExecution = jobRunner.recentExecutions(1).get(0).getId();
        assertThat(jobRunner.execution(failedExecution).orElseThrow().getStatus()).isEqualTo(BatchStatus.FAILED);

        CliTestSupport.Result resumed = CliTestSupport.run(cli, "import-aliases", file.toString());

        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("resuming execution " + failedExecution);
        assertThat(store.getPrefix("images/_aliases")).hasSize(40);
        Set<String> everyWrite = new HashSet<>();
        store.written().forEach(keys -> assertThat(everyWrite.addAll(keys)).as("no key written twice").isTrue());
        assertThat(store.written()).hasSize(3);
        for (int i = 0; i < 40; i++) {
            assertThat(version(String.format("images/_aliases/a%02d", i))).as("a%02d written once", i).isEqualTo(1);
        }
        assertThat(jobRunner.recentExecutions(5)).extracting(execution -> execution.getJobInstance().getInstanceId())
                .as("the resume is the same job instance").containsOnly(
                        jobRunner.execution(failedExecution).orElseThrow().getJobInstance().getInstanceId());
    }

    /** etcd's per-key version: 1 means the key was put exactly once. */
    private static long version(String key) throws Exception {
        ByteSequence absolute = ByteSequence.from("/sorna/" + NAMESPACE + "/" + key, UTF_8);
        KeyValue kv = LocalServices.etcd().rawClient().getKVClient().get(absolute).get().getKvs().get(0);
        return kv.getVersion();
    }
}
