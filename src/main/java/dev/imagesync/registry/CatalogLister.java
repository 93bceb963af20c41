package dev.imagesync.registry;

import dev.imagesync.registry.wire.CatalogTemplate;
import okhttp3.HttpUrl;

import java.util.List;

/**
 * Registry v2's {@code GET /v2/_catalog?n=…}, Link-paged, under the token scope {@code registry:catalog:*}.
 *
 * @see <a href="https://distribution.github.io/distribution/spec/api/#catalog">Distribution API: catalog</a>
 */
final class CatalogLister implements RepositoryLister {

    static final String CATALOG_SCOPE = "registry:catalog:*";

    private final RegistryTransport transport;
    private final HttpUrl baseUrl;
    private final int pageSize;

    CatalogLister(RegistryTransport transport, HttpUrl baseUrl, int pageSize) {
        this.transport = transport;
        this.baseUrl = baseUrl;
        this.pageSize = pageSize;
    }

    @Override
    public List<String> listRepositories() {
        WireDecoder decoder = new WireDecoder(transport.registry());
        HttpUrl first = baseUrl.newBuilder().addPathSegments("v2/_catalog")
                .addQueryParameter("n", Integer.toString(pageSize)).build();
        return new Pager(transport.registry()).collect(first, url -> {
            RegistryResponse response = transport.getSuccessful(url, CATALOG_SCOPE, "application/json");
            return Page.linkedFrom(response, decoder.decode(response, CatalogTemplate.class, "catalog").repositories());
        });
    }
}
