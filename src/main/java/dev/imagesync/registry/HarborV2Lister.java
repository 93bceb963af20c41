package dev.imagesync.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imagesync.registry.wire.HarborArtifactTemplate;
import dev.imagesync.registry.wire.HarborErrorsTemplate;
import dev.imagesync.registry.wire.NamedTemplate;
import okhttp3.HttpUrl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Harbor 2.x: {@code GET /api/v2.0/projects/{project}/repositories?page_size=N} per configured project,
 * Link-paged, Basic auth; each item's {@code name} is already {@code project/repo}. Harbor reports a
 * missing project or a refused request as an {@code {"errors":[…]}} body, which becomes an error naming
 * the project. Tags come with their digests from the artifact list, a page of artifacts per request, so
 * an unchanged repository is checked without one HEAD per tag.
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

    /**
     * {@code GET …/repositories/{name}/artifacts?with_tag=true}: {@code repository} is {@code project/name},
     * and a {@code /} inside the name is sent encoded twice ({@code %252F}), as Harbor's API requires.
     */
    @Override
    public Optional<Map<String, String>> tagDigests(String repository) {
        int slash = repository.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String project = repository.substring(0, slash);
        String name = repository.substring(slash + 1).replace("/", "%2F");
        HttpUrl first = baseUrl.newBuilder().addPathSegments("api/v2.0/projects").addPathSegment(project)
                .addPathSegment("repositories").addPathSegment(name).addPathSegment("artifacts")
                .addQueryParameter("with_tag", "true").addQueryParameter("page_size", Integer.toString(pageSize))
                .build();
        Map<String, String> digests = new LinkedHashMap<>();
        for (HarborArtifactTemplate artifact : pager.collect(first, url -> artifactPage(project, url))) {
            for (NamedTemplate tag : artifact.tags()) {
                digests.put(tag.name(), artifact.digest());
            }
        }
        return Optional.of(digests);
    }

    private Page<String> page(String project, HttpUrl url) {
        return arrayPage(project, url, "Harbor repository list", NamedTemplate.class).map(NamedTemplate::name);
    }

    private Page<HarborArtifactTemplate> artifactPage(String project, HttpUrl url) {
        return arrayPage(project, url, "Harbor artifact list", HarborArtifactTemplate.class);
    }

    /** A page whose body must be a JSON array of {@code type}; Harbor's errors body names the project. */
    private <T> Page<T> arrayPage(String project, HttpUrl url, String what, Class<T> type) {
        RegistryResponse response = transport.get(url, null, "application/json");
        if (!response.isSuccessful()) {
            throw listingFailed(project, response);
        }
        JsonNode body = decoder.tree(response, what);
        if (body.isObject() && body.has("errors")) {
            throw listingFailed(project, response);
        }
        if (!body.isArray()) {
            throw new MalformedResponseException(transport.registry(), what, url.encodedPath(),
                    "expected a JSON array");
        }
        List<T> items = new ArrayList<>();
        for (JsonNode item : body) {
            items.add(decoder.convert(item, type, response, what));
        }
        return Page.linkedFrom(response, items);
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
