package dev.imagesync.job.volumes;

import java.util.SortedMap;

/**
 * One {@code {name, mount: {key: value}}} entry of a volumes file.
 *
 * @param name  the volume name (no {@code /})
 * @param mount the mount options, key to value text
 * @param line  where the entry starts in the file (1-based)
 */
public record VolumeEntry(String name, SortedMap<String, String> mount, int line) {
}
