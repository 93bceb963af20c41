package dev.imagesync.registry;

import dev.imagesync.image.TagInspection;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link RegistryClient} made of the flavour's {@link RepositoryLister} and the shared
 * {@link DistributionClient}. Thread-safe as both parts are. Closing releases nothing of its own: the
 * connection pool belongs to {@link RegistryClientFactory}.
 */
final class HttpRegistryClient implements RegistryClient {

    private final RepositoryLister lister;
    private final DistributionClient distribution;

    HttpRegistryClient(RepositoryLister lister, DistributionClient distribution) {
        this.lister = lister;
        this.distribution = distribution;
    }

    @Override
    public List<String> listRepositories() {
        return lister.listRepositories();
    }

    @Override
    public List<String> listTags(String repository) {
        return distribution.listTags(repository);
    }

    @Override
    public Optional<Map<String, String>> listTagDigests(String repository) {
        return lister.tagDigests(repository);
    }

    @Override
    public ManifestHead headManifest(String repository, String tag) {
        return distribution.headManifest(repository, tag);
    }

    @Override
    public TagInspection inspect(String repository, String tag) {
        return distribution.inspect(repository, tag);
    }

    @Override
    public void close() {
        // Nothing per registry to release; see the class comment.
    }
}
