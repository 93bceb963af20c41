package dev.imagesync.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.imagesync.image.ImageRecord;
import dev.imagesync.image.TagRef;
import org.junit.jupiter.api.Test;

class ImageRecordKeysTest {

    private static final TagRef PYTHON = new TagRef("cr.backend.ai", "stable/python", "3.9-ubuntu20.04");

    @Test
    void keysFor_writesTheLayoutByteForByte() {
        ImageRecord record = new ImageRecord(PYTHON, "sha256:c0ffee", 123456789L, new TreeMap<>(Map.of(
                "ai.backend.kernelspec", "1",
                "ai.backend.accelerators", "cuda",
                "ai.backend.resource.min.cpu", "1",
                "ai.backend.resource.min.mem", "256m",
                "ai.backend.resource.min.cuda.device", "1")));

        String tag = "images/cr.backend.ai/stable%2Fpython/3.9-ubuntu20.04";
        assertThat(ImageRecordKeys.keysFor(record)).containsExactlyEntriesOf(new TreeMap<>(Map.ofEntries(
                Map.entry("images/cr.backend.ai/stable%2Fpython", "1"),
                Map.entry(tag, "sha256:c0ffee"),
                Map.entry(tag + "/size_bytes", "123456789"),
                Map.entry(tag + "/labels/ai.backend.kernelspec", "1"),
                Map.entry(tag + "/labels/ai.backend.accelerators", "cuda"),
                Map.entry(tag + "/labels/ai.backend.resource.min.cpu", "1"),
                Map.entry(tag + "/labels/ai.backend.resource.min.mem", "256m"),
                Map.entry(tag + "/labels/ai.backend.resource.min.cuda.device", "1"),
                Map.entry(tag + "/accels", "cuda"),
                Map.entry(tag + "/resource/cpu/min", "1"),
                Map.entry(tag + "/resource/mem/min", "256m"),
                Map.entry(tag + "/resource/cuda.device/min", "1"))));
    }

    @Test
    void keysFor_areSortedAscending() {
        ImageRecord record = new ImageRecord(PYTHON, "sha256:1", 1, new TreeMap<>(Map.of("z", "1", "a", "2")));

        List<String> keys = List.copyOf(ImageRecordKeys.keysFor(record).keySet());
        assertThat(keys).isSorted();
    }

    @Test
    void accels_omittedWhenLabelAbsentOrEmpty() {
        ImageRecord absent = new ImageRecord(PYTHON, "sha256:1", 1, new TreeMap<>());
        ImageRecord empty = new ImageRecord(PYTHON, "sha256:1", 1,
                new TreeMap<>(Map.of("ai.backend.accelerators", "")));

        assertThat(ImageRecordKeys.keysFor(absent)).doesNotContainKey(ImageRecordKeys.tagPath(PYTHON) + "/accels");
        assertThat(ImageRecordKeys.keysFor(empty)).doesNotContainKey(ImageRecordKeys.tagPath(PYTHON) + "/accels")
                .containsKey(ImageRecordKeys.tagPath(PYTHON) + "/labels/ai.backend.accelerators");
    }

    @Test
    void registryAndRepositoryAreQuoted_tagAndLabelKeysAreNot() {
        TagRef ref = new TagRef("127.0.0.1:5000", "team a/lab", "v1_2.3");
        ImageRecord record = new ImageRecord(ref, "sha256:1", 7, new TreeMap<>(Map.of("org.opencontainers/x y", "v")));

        assertThat(ImageRecordKeys.repositoryPath("127.0.0.1:5000", "team a/lab"))
                .isEqualTo("images/127.0.0.1%3A5000/team%20a%2Flab");
        assertThat(ImageRecordKeys.tagPath(ref)).isEqualTo("images/127.0.0.1%3A5000/team%20a%2Flab/v1_2.3");
        assertThat(ImageRecordKeys.keysFor(record))
                .containsEntry("images/127.0.0.1%3A5000/team%20a%2Flab/v1_2.3/labels/org.opencontainers/x y", "v");
    }

    @Test
    void recordWithoutLabels_hasTheThreeBaseKeysOnly() {
        ImageRecord record = new ImageRecord(PYTHON, "sha256:1", 0, new TreeMap<>());

        assertThat(ImageRecordKeys.keysFor(record)).containsOnlyKeys(
                "images/cr.backend.ai/stable%2Fpython",
                "images/cr.backend.ai/stable%2Fpython/3.9-ubuntu20.04",
                "images/cr.backend.ai/stable%2Fpython/3.9-ubuntu20.04/size_bytes");
    }
}
