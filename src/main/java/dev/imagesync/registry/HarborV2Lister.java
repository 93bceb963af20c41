package dev.imagesync.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imagesync.registry.wire.HarborErrorsTemplate;
import dev.imagesync.registry.wire.NamedTemplate;
import okhttp3.HttpUrl;

import java.util.ArrayList;
import java.util.List;

/**
 * Harbor 2.x: {@code GET /api/v2.0/projects/{project}/repositories?page_size=N} per configured project,
 * Link-paged, Basic auth; each item's {@code name} is already {@code project/repo}. Harbor reports a
 * missing project or a refused request as an {@code {"errors":[…]}} body, which becomes an error naming
 * the project.
 *
 * @see <a href="https://github.com/goharbor/harbor/blob/main/api/v2.0/swagger.yaml">Harbor v2 API</a>
 */
final class HarborV2Lister implements RepositoryLister {

    private final RegistryTransport transport;
    private final HttpUrl baseUrl;
    private final List<String> projects;
    private final int pageSize;
    private final WireDecoder decoder;
    private final Pager pager;

    HarborV2Lister(RegistryTransport transport, HttpUrl baseUrl, List<String> projects, int pageSize) {
        this.transport = transport;
        this.baseUrl = baseUrl;
        this.projects = List.copyOf(projects);
        this.pageSize = pageSize;
        this.decoder = new WireDecoder(transport.registry());
        this.pager = new Pager(transport.registry());
    }

    @Override
    public List<String> listRepositories() {
        List<String> names = new ArrayList<>();
        for (String project : projects) {
            HttpUrl first = baseUrl.newBuilder().addPathSegments("api/v2.0/projects").addPathSegment(project)
                    .addPathSegment("repositories").addQueryParameter("page_size", Integer.toString(pageSize))
                    .build();
            names.addAll(pager.collect(first, url -> page(project, url)));
        }
        return names;
    }

    private Page<String> page(String project, HttpUrl url) {
        RegistryResponse response = transport.get(url, null, "application/json");
        if (!response.isSuccessful()) {
            throw listingFailed(project, response);
        }
        JsonNode body = decoder.tree(response, "Harbor repository list");
        if (body.isObject() && body.has("errors")) {
            throw listingFailed(project, response);
        }
        if (!body.isArray()) {
            throw new MalformedResponseException(transport.registry(), "Harbor repository list",
                    url.encodedPath(), "expected a JSON array of repositories");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode item : body) {
            names.add(decoder.convert(item, NamedTemplate.class, response, "Harbor repository").name());
        }
        return Page.linkedFrom(response, names);
    }

    /** Names the project and, when Harbor sent an errors body, what Harbor said. */
    private RegistryException listingFailed(String project, RegistryResponse response) {
        String detail;
        try {
            detail = String.valueOf(decoder.decode(response, HarborErrorsTemplate.class, "Harbor errors").errors());
        } catch (MalformedResponseException notAnErrorsBody) {
            detail = "no errors body";
        }
        return new RegistryException("registry '" + transport.registry() + "': listing Harbor project '"
                + project + "' failed with HTTP " + response.code() + ": " + detail);
    }
}
