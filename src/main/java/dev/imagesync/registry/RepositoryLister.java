package dev.imagesync.registry;

import java.util.List;

/**
 * How one registry flavour lists its repositories: the only thing that differs between Registry v2,
 * Docker Hub, Harbor v1 and Harbor v2 (after regclient's {@code scheme}). Implementations are thread-safe.
 */
interface RepositoryLister {

    /** Every repository name usable with the Distribution API ({@code /v2/{name}/…}), in listing order. */
    List<String> listRepositories();
}
