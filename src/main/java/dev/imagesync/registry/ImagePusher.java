package dev.imagesync.registry;

import dev.imagesync.registry.wire.DescriptorTemplate;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Pushes small synthetic images to a Registry v2 over HTTP, for the {@code seed-samples} command and
 * integration tests; it is not a general image pusher (no chunked uploads, no token auth, no mounts).
 * Blobs go up monolithically: {@code POST /v2/{repo}/blobs/uploads/}, then {@code PUT {Location}&digest=…}.
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pushing-blobs">OCI distribution spec: pushing blobs</a>
 */
public final class ImagePusher implements AutoCloseable {

    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");
    private static final int LAYER_BYTES = 64;

    private final HttpUrl baseUrl;
    private final String authorization;
    private final OkHttpClient client;
    private final SecureRandom random = new SecureRandom();

    /** An anonymous pusher. */
    public ImagePusher(URI registryUrl) {
        this(registryUrl, null, null);
    }

    /** A pusher sending Basic credentials when {@code username} is not null. */
    public ImagePusher(URI registryUrl, String username, String password) {
        this(registryUrl, username, password, new OkHttpClient());
    }

    /** With a client of the caller's, e.g. one trusting a test registry's self-signed certificate. */
    ImagePusher(URI registryUrl, String username, String password, OkHttpClient client) {
        this.client = client;
        this.baseUrl = HttpUrl.get(registryUrl);
        this.authorization = username == null ? null : Credentials.basic(username, password == null ? "" : password);
    }

    /** Uploads {@code content} unless the registry already has it; returns its digest. */
    public String uploadBlob(String repository, byte[] content) {
        String digest = sha256(content);
        HttpUrl blob = repositoryUrl(repository).addPathSegment("blobs").addPathSegment(digest).build();
        if (send(new Request.Builder().url(blob).head()).code() == 200) {
            return digest;
        }
        HttpUrl uploads = repositoryUrl(repository).addPathSegments("blobs/uploads/").build();
        Result started = expect(send(new Request.Builder().url(uploads).post(RequestBody.create(new byte[0], null))),
                202, uploads);
        HttpUrl location = started.location() == null ? null : uploads.resolve(started.location());
        if (location == null) {
            throw new RegistryException("registry at " + baseUrl + " gave no usable upload Location");
        }
        HttpUrl put = location.newBuilder().addQueryParameter("digest", digest).build();
        expect(send(new Request.Builder().url(put).put(RequestBody.create(content, OCTET_STREAM))), 201, uploads);
        return digest;
    }

    /** Stores a manifest under {@code reference} (a tag or digest); returns the manifest's digest. */
    public String putManifest(String repository, String reference, String mediaType, byte[] json) {
        HttpUrl url = repositoryUrl(repository).addPathSegment("manifests").addPathSegment(reference).build();
        expect(send(new Request.Builder().url(url).put(RequestBody.create(json, MediaType.get(mediaType)))), 201, url);
        return sha256(json);
    }

    /** Builds and pushes the image {@code spec} describes, tagged {@code tag}; returns the tag's manifest digest. */
    public String pushImage(String repository, String tag, ImageSpec spec) {
        ManifestFormat format = spec.format();
        if (!spec.index()) {
            byte[] manifest = platformManifest(repository, spec, spec.architectures().get(0));
            return putManifest(repository, tag, format.imageManifestMediaType(), manifest);
        }
        List<DescriptorTemplate> entries = new ArrayList<>();
        for (String architecture : spec.architectures()) {
            byte[] manifest = platformManifest(repository, spec, architecture);
            String digest = putManifest(repository, sha256(manifest), format.imageManifestMediaType(), manifest);
            entries.add(ImageDocuments.descriptor(format.imageManifestMediaType(), digest, manifest.length,
                    architecture));
        }
        return putManifest(repository, tag, format.indexMediaType(), ImageDocuments.index(format, entries));
    }

    private byte[] platformManifest(String repository, ImageSpec spec, String architecture) {
        byte[] layer = new byte[LAYER_BYTES];
        random.nextBytes(layer);
        String layerDigest = uploadBlob(repository, layer);
        byte[] config = ImageDocuments.config(spec, architecture, layerDigest);
        String configDigest = uploadBlob(repository, config);
        ManifestFormat format = spec.format();
        return ImageDocuments.imageManifest(format,
                ImageDocuments.descriptor(format.configMediaType(), configDigest, config.length, null),
                ImageDocuments.descriptor(format.layerMediaType(), layerDigest, layer.length, null));
    }

    private Result send(Request.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        Request built = request.build();
        try (Response response = client.newCall(built).execute()) {
            return new Result(response.code(), response.header("Location"));
        } catch (IOException e) {
            throw new RegistryException("cannot " + built.method() + " " + built.url().encodedPath() + " on "
                    + baseUrl.host() + ":" + baseUrl.port() + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private Result expect(Result result, int status, HttpUrl url) {
        if (result.code() != status) {
            throw new RegistryException("push to " + baseUrl.host() + ":" + baseUrl.port() + " failed: "
                    + url.encodedPath() + " answered HTTP " + result.code() + ", expected " + status);
        }
        return result;
    }

    private HttpUrl.Builder repositoryUrl(String repository) {
        return baseUrl.newBuilder().addPathSegment("v2").addPathSegments(repository);
    }

    static String sha256(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    private record Result(int code, String location) {
    }
}
