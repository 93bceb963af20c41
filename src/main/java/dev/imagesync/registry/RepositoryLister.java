package dev.imagesync.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one registry flavour lists its repositories: the only thing that differs between Registry v2,
 * Docker Hub, Harbor v1 and Harbor v2 (after regclient's {@code scheme}). Implementations are thread-safe.
 */
interface RepositoryLister {

    /** Every repository name usable with the Distribution API ({@code /v2/{name}/…}), in listing order. */
    List<String> listRepositories();

    /** Tags with their manifest digests in one listing, for flavours whose API has it; empty otherwise. */
    default Optional<Map<String, String>> tagDigests(String repository) {
        return Optional.empty();
    }
}
