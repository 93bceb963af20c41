package dev.imagesync.registry;

import dev.imagesync.image.TagInspection;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read access to one configured registry. Only {@link #listRepositories()} differs between flavours; tags,
 * manifests and blobs go through the shared Distribution API client. Implementations are thread-safe:
 * {@link #inspect} is called concurrently for different tags.
 */
public interface RegistryClient extends AutoCloseable {

    /** Every repository of the registry (or of its configured projects), complete, in listing order. */
    List<String> listRepositories();

    /** Every tag of one repository, complete, in listing order; empty when the registry lists none. */
    List<String> listTags(String repository);

    /**
     * Every tag of one repository with the manifest digest it points to, in one listing, where the flavour
     * offers that (Harbor v2's artifact list); empty where tags must be listed and HEADed one by one.
     */
    Optional<Map<String, String>> listTagDigests(String repository);

    /** {@code HEAD} of the tag's manifest: cheap change detection, one request and no body. */
    ManifestHead headManifest(String repository, String tag);

    /** Reads the tag's manifest (resolving a list/index by platform) and config blob. */
    TagInspection inspect(String repository, String tag);

    @Override
    void close();
}
