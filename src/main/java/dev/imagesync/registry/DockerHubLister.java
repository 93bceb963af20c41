package dev.imagesync.registry;

import dev.imagesync.registry.wire.DockerHubRepositoriesTemplate;
import dev.imagesync.registry.wire.NamedTemplate;
import okhttp3.HttpUrl;

import java.util.List;

/**
 * Docker Hub has no usable catalog; its web API lists an account's repositories instead:
 * {@code GET {hub}/v2/repositories/{username}/?page_size=N}, next page in the JSON {@code next}, which must
 * stay on the hub API's origin. Names come back without the account and are returned as
 * {@code {username}/{name}}; {@code kernel-*} repositories are the pre-kernelspec legacy images and are
 * left out (CONTRACT.md §2).
 *
 * @see <a href="https://docs.docker.com/reference/api/hub/latest/#tag/repositories">Docker Hub API</a>
 */
final class DockerHubLister implements RepositoryLister {

    private static final String LEGACY_PREFIX = "kernel-";

    private final RegistryTransport hubTransport;
    private final HttpUrl hubApiUrl;
    private final String username;
    private final int pageSize;

    /** {@code hubTransport} talks to the hub API, which gets no registry credentials. */
    DockerHubLister(RegistryTransport hubTransport, HttpUrl hubApiUrl, String username, int pageSize) {
        if (username == null || username.isBlank()) {
            throw new RegistryException("registry '" + hubTransport.registry()
                    + "' is Docker Hub: a username (the account to list) is required");
        }
        this.hubTransport = hubTransport;
        this.hubApiUrl = hubApiUrl;
        this.username = username;
        this.pageSize = pageSize;
    }

    @Override
    public List<String> listRepositories() {
        WireDecoder decoder = new WireDecoder(hubTransport.registry());
        // The trailing slash matters: without it the hub API answers with a redirect.
        HttpUrl first = hubApiUrl.newBuilder().addPathSegments("v2/repositories").addPathSegment(username)
                .addPathSegment("").addQueryParameter("page_size", Integer.toString(pageSize)).build();
        List<String> names = new Pager(hubTransport.registry()).collect(first, url -> {
            RegistryResponse response = hubTransport.getSuccessful(url, null, "application/json");
            DockerHubRepositoriesTemplate page =
                    decoder.decode(response, DockerHubRepositoriesTemplate.class, "Docker Hub repository list");
            return Page.withNext(response, page.results().stream().map(NamedTemplate::name).toList(), page.next());
        });
        return names.stream()
                .filter(name -> name != null && !name.startsWith(LEGACY_PREFIX))
                .map(name -> username + "/" + name)
                .toList();
    }
}
