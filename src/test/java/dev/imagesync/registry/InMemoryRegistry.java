package dev.imagesync.registry;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of a Registry v2 to push to and read back: monolithic blob uploads (digest checked),
 * manifests by tag or digest served with their media type, blob HEAD/GET. Not a fake of failures.
 */
final class InMemoryRegistry extends Dispatcher implements AutoCloseable {

    private static final Pattern PATH = Pattern.compile("/v2/(.+)/(blobs/uploads/|blobs|manifests)/?([^/]*)");

    private final MockWebServer server = new MockWebServer();
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    private final Map<String, MockResponse> manifests = new ConcurrentHashMap<>();
    final List<String> requestLines = new CopyOnWriteArrayList<>();

    InMemoryRegistry() {
        server.setDispatcher(this);
        try {
            server.start(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    URI uri() {
        String url = server.url("/").toString();
        return URI.create(url.substring(0, url.length() - 1));
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        requestLines.add(request.getMethod() + " " + request.getTarget());
        HttpUrl url = request.getUrl();
        Matcher path = PATH.matcher(url.encodedPath());
        if (!path.matches()) {
            return Answers.status(404);
        }
        String repository = path.group(1);
        String reference = path.group(3);
        return switch (request.getMethod() + " " + path.group(2)) {
            case "POST blobs/uploads/" -> new MockResponse.Builder().code(202)
                    .setHeader("Location", "/v2/" + repository + "/blobs/uploads/" + UUID.randomUUID() + "?_state=x")
                    .build();
            case "PUT blobs/uploads/" -> storeBlob(request, url.queryParameter("digest"));
            case "HEAD blobs" -> Answers.status(blobs.containsKey(reference) ? 200 : 404);
            case "GET blobs" -> blobs.containsKey(reference)
                    ? Answers.typed("application/octet-stream", new String(blobs.get(reference)))
                    : Answers.status(404);
            case "PUT manifests" -> storeManifest(request, repository, reference);
            case "GET manifests" -> manifests.getOrDefault(repository + ":" + reference, Answers.status(404));
            default -> Answers.status(405);
        };
    }

    private MockResponse storeBlob(RecordedRequest request, String digest) {
        byte[] content = request.getBody().toByteArray();
        if (digest == null || !digest.equals(ImagePusher.sha256(content))) {
            return Answers.status(400);
        }
        blobs.put(digest, content);
        return new MockResponse.Builder().code(201).setHeader("Docker-Content-Digest", digest).build();
    }

    private MockResponse storeManifest(RecordedRequest request, String repository, String reference) {
        byte[] content = request.getBody().toByteArray();
        String digest = ImagePusher.sha256(content);
        MockResponse stored = Answers.typed(request.getHeaders().get("Content-Type"), new String(content));
        manifests.put(repository + ":" + reference, stored);
        manifests.put(repository + ":" + digest, stored);
        return new MockResponse.Builder().code(201).setHeader("Docker-Content-Digest", digest).build();
    }

    @Override
    public void close() {
        server.close();
    }
}
