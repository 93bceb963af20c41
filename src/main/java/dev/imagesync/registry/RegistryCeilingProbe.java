package dev.imagesync.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw speed of a registry for exactly the GETs a scan needs — catalog and tag-list pages, every tag's
 * manifest (a list/index resolved to the platform's manifest) and config blob — sent by a plain OkHttp
 * client with {@code concurrency} requests in flight, nothing else: no retries, no auth, no parsing beyond
 * what finds the next URL, no etcd. What imagesync's scan achieves is judged against this.
 */
public final class RegistryCeilingProbe {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    private final HttpUrl baseUrl;
    private final int concurrency;
    private final int pageSize;
    private final String architecture;
    private final Predicate<String> scannedRepository;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicInteger tags = new AtomicInteger();

    public RegistryCeilingProbe(HttpUrl baseUrl, int concurrency, int pageSize, String architecture,
                                Predicate<String> scannedRepository) {
        this.baseUrl = baseUrl;
        this.concurrency = concurrency;
        this.pageSize = pageSize;
        this.architecture = architecture;
        this.scannedRepository = scannedRepository;
    }

    public record Result(int repositories, int tags, long requests, Duration elapsed) {
        public double tagsPerSecond() {
            return tags / Math.max(elapsed.toNanos() / 1e9, 1e-3);
        }
    }

    /** One measurement from scratch; not to be called concurrently. */
    public Result measure() {
        // Keep-alive for every worker: the default pool of 5 idle connections would churn above 5 workers.
        OkHttpClient client = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(concurrency, 5, TimeUnit.MINUTES)).build();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        requests.set(0);
        tags.set(0);
        long start = System.nanoTime();
        try {
            List<String> repositories = paged(client, baseUrl.newBuilder().addPathSegments("v2/_catalog"),
                    "repositories").stream().filter(scannedRepository).toList();
            List<CompletableFuture<Void>> scans = new ArrayList<>();
            for (String repository : repositories) {
                scans.add(CompletableFuture.supplyAsync(() -> paged(client, repositoryUrl(repository)
                                .addPathSegments("tags/list"), "tags"), workers)
                        .thenCompose(names -> CompletableFuture.allOf(names.stream()
                                .map(tag -> CompletableFuture.runAsync(() -> inspect(client, repository, tag), workers))
                                .toArray(CompletableFuture[]::new))));
            }
            CompletableFuture.allOf(scans.toArray(CompletableFuture[]::new)).join();
            return new Result(repositories.size(), tags.get(), requests.get(), Duration.ofNanos(System.nanoTime() - start));
        } finally {
            workers.shutdownNow();
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    private void inspect(OkHttpClient client, String repository, String tag) {
        JsonNode manifest = get(client, repositoryUrl(repository).addPathSegment("manifests").addPathSegment(tag)
                .build(), ManifestFormat.MANIFEST_ACCEPT).json();
        if (manifest.has("manifests")) {
            String digest = null;
            for (JsonNode entry : manifest.get("manifests")) {
                if (architecture.equals(entry.path("platform").path("architecture").asText())) {
                    digest = entry.path("digest").asText();
                    break;
                }
            }
            if (digest == null) {
                tags.incrementAndGet();
                return;
            }
            manifest = get(client, repositoryUrl(repository).addPathSegment("manifests").addPathSegment(digest)
                    .build(), ManifestFormat.MANIFEST_ACCEPT).json();
        }
        String config = manifest.path("config").path("digest").asText();
        get(client, repositoryUrl(repository).addPathSegment("blobs").addPathSegment(config).build(), null);
        tags.incrementAndGet();
    }

    private List<String> paged(OkHttpClient client, HttpUrl.Builder first, String field) {
        List<String> items = new ArrayList<>();
        HttpUrl url = first.addQueryParameter("n", Integer.toString(pageSize)).build();
        while (url != null) {
            Page page = get(client, url, "application/json");
            page.json().path(field).forEach(item -> items.add(item.asText()));
            url = page.next();
        }
        return items;
    }

    private Page get(OkHttpClient client, HttpUrl url, String accept) {
        Request.Builder request = new Request.Builder().url(url);
        if (accept != null) {
            request.header("Accept", accept);
        }
        requests.incrementAndGet();
        try (Response response = client.newCall(request.build()).execute()) {
            if (!response.isSuccessful()) {
                throw new IllegalStateException("GET " + url.encodedPath() + " answered HTTP " + response.code());
            }
            byte[] body = response.body().bytes();
            Matcher link = NEXT_LINK.matcher(response.header("Link", ""));
            return new Page(body, link.find() ? url.resolve(link.group(1)) : null);
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url.encodedPath() + " failed: " + e.getMessage(), e);
        }
    }

    private HttpUrl.Builder repositoryUrl(String repository) {
        return baseUrl.newBuilder().addPathSegment("v2").addPathSegments(repository);
    }

    private record Page(byte[] body, HttpUrl next) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable JSON: " + e.getMessage(), e);
            }
        }
    }
}
