package dev.imagesync.testsupport;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A small, well-behaved Registry v2 on MockWebServer for job tests that need faults a real registry cannot
 * produce on demand: every tag of every repository is a single-platform amd64 schema2 image labelled
 * {@code ai.backend.kernelspec=1}, with a config blob of its own. {@link #setFault} overrides answers
 * (500 forever, {@link #hang()}, a next link elsewhere) while the rest keeps working. Listings come in one
 * page. Thread-safe.
 */
public final class MockDistributionRegistry implements AutoCloseable {

    private static final String MANIFEST_TYPE = "application/vnd.docker.distribution.manifest.v2+json";
    private static final long LAYER_SIZE = 64;

    private final MockWebServer server = new MockWebServer();
    private final Map<String, List<String>> tagsByRepository = new TreeMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private volatile Function<RecordedRequest, MockResponse> fault = request -> null;

    /** Serves {@code repositories} × {@code tags}, named {@code kernels/r0..} and {@code t0..}. */
    public MockDistributionRegistry(int repositories, int tags) {
        for (int r = 0; r < repositories; r++) {
            tagsByRepository.put("kernels/r" + r, java.util.stream.IntStream.range(0, tags).mapToObj(t -> "t" + t).toList());
        }
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                MockResponse faulty = fault.apply(request);
                return faulty != null ? faulty : answer(request.getUrl().encodedPath());
            }
        });
        try {
            server.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers chosen by {@code fault} (null: the normal answer) replace the normal ones from now on. */
    public void setFault(Function<RecordedRequest, MockResponse> fault) {
        this.fault = fault;
    }

    public void heal() {
        setFault(request -> null);
    }

    /** An answer that never comes: the connection stays open and silent until the server closes. */
    public static MockResponse hang() {
        return new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
    }

    public static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).body("").build();
    }

    public URI url() {
        String url = server.url("/").toString();
        return URI.create(url.substring(0, url.length() - 1));
    }

    /** {@code host:port}, the registry's name in etcd. */
    public String hostAndPort() {
        return server.getHostName() + ":" + server.getPort();
    }

    public Map<String, List<String>> tagsByRepository() {
        return tagsByRepository;
    }

    /** Paths of the requests received so far, in arrival order. */
    public List<String> paths() {
        return requests.stream().map(request -> request.getUrl().encodedPath()).toList();
    }

    /** How many TCP connections carried the requests so far (MockWebServer numbers them from 0). */
    public int connections() {
        return requests.stream().mapToInt(RecordedRequest::getConnectionIndex).max().orElse(-1) + 1;
    }

    public void clearRequests() {
        requests.clear();
    }

    /** The config digest and size a scan must write for a tag. */
    public String configDigest(String repository, String tag) {
        return sha256(config(repository, tag));
    }

    /** The digest of the manifest served for a tag (sha256 of its bytes). */
    public String manifestDigest(String repository, String tag) {
        return sha256(manifest(config(repository, tag)).getBytes(StandardCharsets.UTF_8));
    }

    public long sizeBytes(String repository, String tag) {
        return config(repository, tag).length + LAYER_SIZE;
    }

    private MockResponse answer(String path) {
        if (path.equals("/v2/") || path.equals("/v2")) {
            return json("{}");
        }
        if (path.equals("/v2/_catalog")) {
            return json("{\"repositories\":" + quoted(List.copyOf(tagsByRepository.keySet())) + "}");
        }
        for (Map.Entry<String, List<String>> repository : tagsByRepository.entrySet()) {
            String prefix = "/v2/" + repository.getKey() + "/";
            if (!path.startsWith(prefix)) {
                continue;
            }
            String rest = path.substring(prefix.length());
            if (rest.equals("tags/list")) {
                return json("{\"name\":\"" + repository.getKey() + "\",\"tags\":" + quoted(repository.getValue()) + "}");
            }
            for (String tag : repository.getValue()) {
                byte[] config = config(repository.getKey(), tag);
                if (rest.equals("manifests/" + tag)) {
                    return new MockResponse.Builder().code(200).setHeader("Content-Type", MANIFEST_TYPE)
                            .body(manifest(config)).build();
                }
                if (rest.equals("blobs/" + sha256(config))) {
                    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/octet-stream")
                            .body(new String(config, StandardCharsets.UTF_8)).build();
                }
            }
        }
        return status(404);
    }

    private static String manifest(byte[] config) {
        return "{\"schemaVersion\":2,\"mediaType\":\"" + MANIFEST_TYPE + "\",\"config\":{\"mediaType\":"
                + "\"application/vnd.docker.container.image.v1+json\",\"size\":" + config.length + ",\"digest\":\""
                + sha256(config) + "\"},\"layers\":[{\"mediaType\":\"application/vnd.docker.image.rootfs.diff.tar.gzip\","
                + "\"size\":" + LAYER_SIZE + ",\"digest\":\"sha256:" + "0".repeat(64) + "\"}]}";
    }

    private static byte[] config(String repository, String tag) {
        return ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"comment\":\"" + repository + ":" + tag
                + "\",\"config\":{\"Labels\":{\"ai.backend.kernelspec\":\"1\"}}}").getBytes(StandardCharsets.UTF_8);
    }

    /** A 200 answer with a JSON body. */
    public static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
    }

    private static String quoted(List<String> names) {
        return names.stream().map(name -> "\"" + name + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    private static String sha256(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
