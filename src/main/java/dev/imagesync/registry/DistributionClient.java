package dev.imagesync.registry;

import dev.imagesync.image.ImageMetadata;
import dev.imagesync.image.SkipReason;
import dev.imagesync.image.TagInspection;
import dev.imagesync.registry.wire.ContainerConfigurationTemplate;
import dev.imagesync.registry.wire.DescriptorTemplate;
import dev.imagesync.registry.wire.ManifestTemplate;
import dev.imagesync.registry.wire.TagListTemplate;
import okhttp3.HttpUrl;

import java.util.List;
import java.util.Optional;

/**
 * The Distribution API every flavour shares for tags, manifests and blobs (used by composition, after
 * jib-core's one-class-per-endpoint registry client, here one class for the three read endpoints).
 * Thread-safe: {@link #inspect} runs concurrently for different tags.
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md">OCI distribution spec</a>
 */
final class DistributionClient {

    private final RegistryTransport transport;
    private final HttpUrl baseUrl;
    private final int pageSize;
    private final String architecture;
    private final PlatformChooser platformChooser;
    private final WireDecoder decoder;
    private final Pager pager;

    DistributionClient(RegistryTransport transport, HttpUrl baseUrl, int pageSize, String architecture) {
        this.transport = transport;
        this.baseUrl = baseUrl;
        this.pageSize = pageSize;
        this.architecture = architecture;
        this.platformChooser = new PlatformChooser(architecture);
        this.decoder = new WireDecoder(transport.registry());
        this.pager = new Pager(transport.registry());
    }

    /** {@code GET /v2/{repository}/tags/list?n=…} across Link pages; a 404 is {@link RegistryNotFoundException}. */
    List<String> listTags(String repository) {
        HttpUrl first = repositoryUrl(repository).addPathSegments("tags/list")
                .addQueryParameter("n", Integer.toString(pageSize)).build();
        return pager.collect(first, url -> {
            RegistryResponse response = transport.getSuccessful(url, pullScope(repository), "application/json");
            return Page.linkedFrom(response, decoder.decode(response, TagListTemplate.class, "tag list").tags());
        });
    }

    /** Manifest (resolved through a list/index for the wanted architecture) and config blob of one tag. */
    TagInspection inspect(String repository, String tag) {
        Optional<FetchedManifest> top = fetchManifest(repository, tag);
        if (top.isEmpty()) {
            return new TagInspection.Skipped(SkipReason.MISSING);
        }
        FetchedManifest image = top.get();
        String digest = image.digest();
        boolean fromIndex = image.isIndex();
        if (fromIndex) {
            Optional<DescriptorTemplate> entry = platformChooser.choose(image.template().manifests());
            if (entry.isEmpty()) {
                return new TagInspection.Skipped(SkipReason.noManifestFor(architecture), digest);
            }
            Optional<FetchedManifest> platformManifest = fetchManifest(repository, entry.get().digest());
            if (platformManifest.isEmpty()) {
                return new TagInspection.Skipped(SkipReason.MISSING);
            }
            image = platformManifest.get();
        }
        DescriptorTemplate config = image.requireImageConfig();
        Optional<ContainerConfigurationTemplate> configuration = fetchConfig(repository, config.digest());
        if (configuration.isEmpty()) {
            return new TagInspection.Skipped(SkipReason.MISSING);
        }
        return new TagInspection.Found(new ImageMetadata(config.digest(), image.template().declaredSize(),
                configuration.get().labels(), configuration.get().architecture(), fromIndex), digest);
    }

    /** {@code HEAD /v2/{repository}/manifests/{tag}} with the same Accept list as the GET, so digests agree. */
    ManifestHead headManifest(String repository, String tag) {
        HttpUrl url = repositoryUrl(repository).addPathSegment("manifests").addPathSegment(tag).build();
        RegistryResponse response = transport.head(url, pullScope(repository), ManifestFormat.MANIFEST_ACCEPT);
        if (response.code() == 404) {
            return ManifestHead.MISSING;
        }
        requireSuccess(response);
        return new ManifestHead(true, response.header(FetchedManifest.DIGEST_HEADER));
    }

    /** The manifest, or empty when the registry no longer has it (404: the tag was deleted meanwhile). */
    private Optional<FetchedManifest> fetchManifest(String repository, String reference) {
        HttpUrl url = repositoryUrl(repository).addPathSegment("manifests").addPathSegment(reference).build();
        RegistryResponse response = transport.get(url, pullScope(repository), ManifestFormat.MANIFEST_ACCEPT);
        if (response.code() == 404) {
            return Optional.empty();
        }
        requireSuccess(response);
        ManifestTemplate template = decoder.decode(response, ManifestTemplate.class, "manifest");
        return Optional.of(new FetchedManifest(response, template, transport.registry()));
    }

    /** The config blob, read as JSON whatever content type it is served with; empty on 404. */
    private Optional<ContainerConfigurationTemplate> fetchConfig(String repository, String digest) {
        HttpUrl url = repositoryUrl(repository).addPathSegment("blobs").addPathSegment(digest).build();
        RegistryResponse response = transport.get(url, pullScope(repository), null);
        if (response.code() == 404) {
            return Optional.empty();
        }
        requireSuccess(response);
        return Optional.of(decoder.decode(response, ContainerConfigurationTemplate.class, "image config"));
    }

    private void requireSuccess(RegistryResponse response) {
        if (!response.isSuccessful()) {
            throw new RegistryException("registry '" + transport.registry() + "' answered HTTP "
                    + response.code() + " to GET " + response.url().encodedPath());
        }
    }

    private HttpUrl.Builder repositoryUrl(String repository) {
        return baseUrl.newBuilder().addPathSegment("v2").addPathSegments(repository);
    }

    private static String pullScope(String repository) {
        return "repository:" + repository + ":pull";
    }
}
