package dev.imagesync.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import okhttp3.HttpUrl;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.LinkedHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A registry of {@code repositories × tags} kernel images generated on demand, for benchmarks at a scale a
 * real registry on this machine cannot be seeded to quickly. Stateless: every digest encodes what it names
 * (repository, tag, generation), so serving 100,000 tags takes no memory. Speaks the Registry v2 API and,
 * for {@link Flavour#HARBOR2}, Harbor v2's repository and artifact listings. Served by the JDK's HTTP server
 * with a thread pool and TCP_NODELAY, so that it answers faster than imagesync asks. Blob digests are not content
 * hashes (imagesync does not verify them); manifest digests are sent as {@code Docker-Content-Digest}.
 *
 * <p>{@link #repush(int)} simulates re-pushing every {@code n}-th tag: those tags get a new generation, hence
 * new manifest and config digests and a new label.
 */
public final class SyntheticRegistry implements AutoCloseable {

    public enum Flavour { DISTRIBUTION, HARBOR2 }

    static final String PROJECT = "synth";
    private static final String MANIFEST_TYPE = "application/vnd.docker.distribution.manifest.v2+json";
    private static final int PAGE = 100;

    private final int repositories;
    private final int tags;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(32);
    private final AtomicLong generation = new AtomicLong();
    private volatile int repushEvery = 0;
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();

    private final long latencyMillis;

    /** @param latencyMillis added before every answer, as the round trip to a remote registry would */
    public SyntheticRegistry(int repositories, int tags, long latencyMillis) throws IOException {
        this.repositories = repositories;
        this.tags = tags;
        this.latencyMillis = latencyMillis;
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK:
        // 40 ms per request, which would measure Nagle's algorithm rather than imagesync.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public URI url() {
        return URI.create("http://" + hostAndPort());
    }

    public String hostAndPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** A generated answer: status, headers and body. */
    private record Reply(int code, Map<String, String> headers, String body) {

        static Reply json(String body) {
            return new Reply(200, new LinkedHashMap<>(Map.of("Content-Type", "application/json")), body);
        }

        Reply with(String header, String value) {
            headers.put(header, value);
            return this;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (latencyMillis > 0) {
            try {
                Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        HttpUrl url = HttpUrl.get("http://" + hostAndPort() + exchange.getRequestURI());
        Reply reply = answer(exchange.getRequestMethod(), url);
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(reply.code(), head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    public int tagCount() {
        return repositories * tags;
    }

    /** Gives every {@code every}-th tag a new generation, as if it had been pushed again. */
    public void repush(int every) {
        generation.incrementAndGet();
        repushEvery = every;
    }

    /** Requests served by kind ({@code catalog}, {@code tags}, {@code HEAD manifest}, {@code GET manifest}, ...). */
    public Map<String, Long> requestCounts() {
        Map<String, Long> counts = new TreeMap<>();
        requests.forEach((kind, count) -> counts.put(kind, count.sum()));
        return counts;
    }

    public long totalRequests() {
        return requests.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public void resetCounts() {
        requests.clear();
    }

    private Reply answer(String method, HttpUrl url) {
        List<String> path = url.pathSegments();
        if (path.size() >= 2 && path.get(0).equals("v2") && path.get(1).equals("_catalog")) {
            return count("catalog", page(url, repositoryNames(), "repositories"));
        }
        if (path.size() >= 3 && path.get(0).equals("v2")) {
            String kind = path.get(path.size() - 2);
            int repository = repositoryIndex(path.get(path.size() - 3));
            String reference = path.get(path.size() - 1);
            return switch (kind) {
                case "tags" -> count("tags", page(url, tagNames(), "tags"));
                case "manifests" -> count(method + " manifest", manifest(repository, tagIndex(reference)));
                case "blobs" -> count("GET config", config(reference));
                default -> new Reply(404, new LinkedHashMap<>(), "");
            };
        }
        if (path.size() >= 5 && path.get(0).equals("api") && path.get(path.size() - 1).equals("repositories")) {
            return count("harbor repositories", harborRepositories(url));
        }
        if (path.size() >= 6 && path.get(0).equals("api") && path.get(path.size() - 1).equals("artifacts")) {
            return count("harbor artifacts", harborArtifacts(url, repositoryIndex(path.get(path.size() - 2))));
        }
        return path.get(0).equals("v2") ? Reply.json("{}") : new Reply(404, new LinkedHashMap<>(), "");
    }

    private Reply count(String kind, Reply response) {
        requests.computeIfAbsent(kind, k -> new LongAdder()).increment();
        return response;
    }

    private long generationOf(int repository, int tag) {
        int every = repushEvery;
        return every > 0 && (repository * tags + tag) % every == 0 ? generation.get() : 0;
    }

    private Reply manifest(int repository, int tag) {
        long gen = generationOf(repository, tag);
        String config = digest(1, repository, tag, gen);
        String layer = digest(2, repository, tag, gen);
        String body = "{\"schemaVersion\":2,\"mediaType\":\"" + MANIFEST_TYPE + "\",\"config\":{\"mediaType\":"
                + "\"application/vnd.docker.container.image.v1+json\",\"size\":300,\"digest\":\"" + config + "\"},"
                + "\"layers\":[{\"mediaType\":\"application/vnd.docker.image.rootfs.diff.tar.gzip\",\"size\":"
                + (1000 + tag) + ",\"digest\":\"" + layer + "\"}]}";
        return Reply.json(body).with("Content-Type", MANIFEST_TYPE)
                .with("Docker-Content-Digest", digest(3, repository, tag, gen));
    }

    private Reply config(String digest) {
        String hex = digest.substring("sha256:".length());
        long tag = Long.parseLong(hex.substring(32, 48), 16);
        long gen = Long.parseLong(hex.substring(48, 64), 16);
        String body = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Labels\":{"
                + "\"ai.backend.kernelspec\":\"1\",\"ai.backend.resource.min.cpu\":\"1\","
                + "\"org.example.generation\":\"" + gen + "\",\"org.example.tag\":\"" + tag + "\"}}}";
        return Reply.json(body).with("Content-Type", "application/octet-stream");
    }

    private Reply harborRepositories(HttpUrl url) {
        int page = pageNumber(url);
        List<String> items = new ArrayList<>();
        List<String> names = repositoryNames();
        for (int i = (page - 1) * PAGE; i < Math.min(page * PAGE, names.size()); i++) {
            items.add("{\"name\":\"" + names.get(i) + "\"}");
        }
        return harborPage(url, page, names.size(), items);
    }

    private Reply harborArtifacts(HttpUrl url, int repository) {
        int page = pageNumber(url);
        List<String> items = new ArrayList<>();
        for (int tag = (page - 1) * PAGE; tag < Math.min(page * PAGE, tags); tag++) {
            items.add("{\"digest\":\"" + digest(3, repository, tag, generationOf(repository, tag))
                    + "\",\"tags\":[{\"name\":\"" + tagName(tag) + "\"}]}");
        }
        return harborPage(url, page, tags, items);
    }

    private Reply harborPage(HttpUrl url, int page, int total, List<String> items) {
        Reply response = Reply.json("[" + String.join(",", items) + "]");
        if (page * PAGE < total) {
            HttpUrl next = url.newBuilder().setQueryParameter("page", Integer.toString(page + 1)).build();
            response.with("Link", "<" + next.encodedPath() + "?" + next.encodedQuery() + ">; rel=\"next\"");
        }
        return response;
    }

    /** A {@code ?n=&last=} page of a sorted name list, with the Registry v2 Link header to the next one. */
    private Reply page(HttpUrl url, List<String> sorted, String field) {
        String last = url.queryParameter("last");
        int from = last == null ? 0 : Collections.binarySearch(sorted, last) + 1;
        int to = Math.min(from + PAGE, sorted.size());
        List<String> items = sorted.subList(from, to).stream().map(name -> "\"" + name + "\"").toList();
        Reply response = Reply.json("{\"" + field + "\":[" + String.join(",", items) + "]}");
        if (to < sorted.size()) {
            response.with("Link", "<" + url.encodedPath() + "?last=" + sorted.get(to - 1) + "&n=" + PAGE
                    + ">; rel=\"next\"");
        }
        return response;
    }

    private List<String> repositoryNames() {
        List<String> names = new ArrayList<>(repositories);
        for (int i = 0; i < repositories; i++) {
            names.add(PROJECT + "/" + String.format("r%05d", i));
        }
        return names;
    }

    private List<String> tagNames() {
        List<String> names = new ArrayList<>(tags);
        for (int i = 0; i < tags; i++) {
            names.add(tagName(i));
        }
        return names;
    }

    private static String tagName(int tag) {
        return String.format("t%04d", tag);
    }

    private static int repositoryIndex(String name) {
        return Integer.parseInt(name.substring(name.lastIndexOf('r') + 1));
    }

    private static int tagIndex(String reference) {
        return reference.startsWith("t") ? Integer.parseInt(reference.substring(1)) : 0;
    }

    private static int pageNumber(HttpUrl url) {
        String page = url.queryParameter("page");
        return page == null ? 1 : Integer.parseInt(page);
    }

    private static String digest(int kind, long repository, long tag, long generation) {
        return String.format("sha256:%016x%016x%016x%016x", kind * (1L << 40) + repository, 0L, tag, generation);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
