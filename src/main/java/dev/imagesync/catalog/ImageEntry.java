package dev.imagesync.catalog;

import java.util.List;
import java.util.Map;

/**
 * One image as the catalog commands show it, field for field what 21.09's {@code list_images} returned
 * (printed as JSON with snake_case names).
 *
 * @param name                  repository path, e.g. {@code lablup/python}
 * @param tag                   the tag
 * @param registry              the registry name
 * @param digest                the config blob digest stored as the tag's value
 * @param labels                the image labels
 * @param aliases               the aliases whose target is this image
 * @param sizeBytes             {@code size_bytes}, 0 when absent
 * @param resourceLimits        per slot found under {@code resource/}: min (default 0) and max (default Infinity)
 * @param supportedAccelerators the {@code accels} value split on commas
 * @param installed             whether any agent has it, or null when Redis could not be asked
 * @param installedAgents       the agents that have it, or null when Redis could not be asked
 */
public record ImageEntry(String name, String tag, String registry, String digest, Map<String, String> labels,
                         List<String> aliases, long sizeBytes, List<ResourceLimit> resourceLimits,
                         List<String> supportedAccelerators, Boolean installed, List<String> installedAgents) {

    /** {@code {registry}/{name}:{tag}}. */
    public String canonical() {
        return registry + "/" + name + ":" + tag;
    }

    /** The same entry with what Redis said about it. */
    public ImageEntry withInstalled(Boolean isInstalled, List<String> agents) {
        return new ImageEntry(name, tag, registry, digest, labels, aliases, sizeBytes, resourceLimits,
                supportedAccelerators, isInstalled, agents);
    }

    /**
     * One slot's limits as stored (text, e.g. {@code 256m}), defaults filled in.
     *
     * @param key the slot name
     * @param min the minimum, {@code 0} when not stored
     * @param max the maximum, {@code Infinity} when not stored
     */
    public record ResourceLimit(String key, String min, String max) {
    }
}
