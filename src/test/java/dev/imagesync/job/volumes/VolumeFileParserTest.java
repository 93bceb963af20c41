package dev.imagesync.job.volumes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.imagesync.job.imports.ImportFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumeFileParserTest {

    private final VolumeFileParser parser = new VolumeFileParser();

    @TempDir
    Path directory;

    @Test
    void exampleFile_isValid() {
        List<VolumeEntry> entries = parser.parse(ImportFile.read(Path.of("jobs/import-volumes/volumes.yaml")));

        assertThat(entries).extracting(VolumeEntry::name).containsExactly("nfs-home", "datasets", "scratch");
        assertThat(parser.keysOf(entries.get(2))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "volumes/scratch/mount/type", "tmpfs", "volumes/scratch/mount/options", "size=4g"));
    }

    @Test
    void mountOptions_areCheckedOneByOne() throws IOException {
        Path file = Files.writeString(directory.resolve("v.yaml"), """
                volumes:
                  - name: a
                    mount:
                      type: nfs
                      type: tmpfs
                      a/b: x
                      size: [1, 2]
                      ~: y
                """);

        assertThatThrownBy(() -> parser.parse(ImportFile.read(file))).hasMessage(file + ": 4 problems: "
                + "line 5: mount option 'type' is given twice; line 6: mount option 'a/b' contains '/'; "
                + "line 7: mount option 'size' must have a scalar value, found a list; "
                + "line 8: mount option name must be a non-empty scalar");
    }

    @Test
    void emptyFile_saysWhatWasExpected() throws IOException {
        Path file = Files.writeString(directory.resolve("empty.yaml"), "");

        assertThatThrownBy(() -> parser.parse(ImportFile.read(file)))
                .hasMessage(file + ": 1 problem: line 1: expected a mapping with the key 'volumes'");
    }
}
