package dev.imagesync.registry;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.imagesync.registry.wire.HarborProjectTemplate;
import dev.imagesync.registry.wire.NamedTemplate;
import okhttp3.HttpUrl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Harbor 1.x: {@code GET /api/projects} to find each configured project's id, then
 * {@code GET /api/repositories?project_id={id}} per project, both Link-paged and with Basic auth. Names
 * come back as {@code project/repo}, usable as they are.
 *
 * @see <a href="https://github.com/goharbor/harbor/blob/release-1.10.0/docs/swagger.yaml">Harbor 1.10 API</a>
 */
final class HarborV1Lister implements RepositoryLister {

    private static final TypeReference<List<HarborProjectTemplate>> PROJECTS = new TypeReference<>() { };
    private static final TypeReference<List<NamedTemplate>> REPOSITORIES = new TypeReference<>() { };

    private final RegistryTransport transport;
    private final HttpUrl baseUrl;
    private final List<String> projects;
    private final int pageSize;
    private final WireDecoder decoder;
    private final Pager pager;

    HarborV1Lister(RegistryTransport transport, HttpUrl baseUrl, List<String> projects, int pageSize) {
        this.transport = transport;
        this.baseUrl = baseUrl;
        this.projects = List.copyOf(projects);
        this.pageSize = pageSize;
        this.decoder = new WireDecoder(transport.registry());
        this.pager = new Pager(transport.registry());
    }

    @Override
    public List<String> listRepositories() {
        Map<String, Long> projectIds = projectIdsByName();
        List<String> names = new ArrayList<>();
        for (String project : projects) {
            Long id = projectIds.get(project);
            if (id == null) {
                throw new RegistryException("registry '" + transport.registry() + "' has no Harbor project '"
                        + project + "'");
            }
            names.addAll(repositories(id));
        }
        return names;
    }

    private Map<String, Long> projectIdsByName() {
        HttpUrl first = api("projects").addQueryParameter("page_size", Integer.toString(pageSize)).build();
        List<HarborProjectTemplate> all = collect(first, PROJECTS, "Harbor project list", Function.identity());
        return all.stream().collect(Collectors.toMap(HarborProjectTemplate::name,
                HarborProjectTemplate::projectId, (kept, duplicate) -> kept));
    }

    private List<String> repositories(long projectId) {
        HttpUrl first = api("repositories").addQueryParameter("project_id", Long.toString(projectId))
                .addQueryParameter("page_size", Integer.toString(pageSize)).build();
        return collect(first, REPOSITORIES, "Harbor repository list", NamedTemplate::name);
    }

    private <W, T> List<T> collect(HttpUrl first, TypeReference<List<W>> type, String what, Function<W, T> item) {
        return pager.collect(first, url -> {
            RegistryResponse response = transport.getSuccessful(url, null, "application/json");
            return Page.linkedFrom(response, decoder.decode(response, type, what).stream().map(item).toList());
        });
    }

    private HttpUrl.Builder api(String resource) {
        return baseUrl.newBuilder().addPathSegment("api").addPathSegment(resource);
    }
}
