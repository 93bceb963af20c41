package dev.imagesync.registry;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A table-driven fake registry on MockWebServer: answers are registered per {@code METHOD target}
 * (path and query as sent), served in order, the last one repeating; anything unregistered is a 404.
 */
final class FakeRegistry implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final Map<String, Deque<MockResponse>> routes = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    FakeRegistry() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                Deque<MockResponse> answers = routes.get(request.getMethod() + " " + request.getTarget());
                if (answers == null) {
                    return Answers.status(404);
                }
                synchronized (answers) {
                    return answers.size() > 1 ? answers.poll() : answers.peek();
                }
            }
        });
        try {
            server.start(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers answers to {@code GET target}, e.g. {@code "/v2/_catalog?n=2"}. */
    FakeRegistry get(String target, MockResponse... answers) {
        return on("GET", target, answers);
    }

    FakeRegistry on(String method, String target, MockResponse... answers) {
        routes.put(method + " " + target, new ArrayDeque<>(List.of(answers)));
        return this;
    }

    /** The base URL, without a trailing slash, e.g. {@code http://localhost:41234}. */
    String base() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    URI uri() {
        return URI.create(base());
    }

    String hostAndPort() {
        return server.getHostName() + ":" + server.getPort();
    }

    List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    long count(String method, String target) {
        return requests.stream()
                .filter(r -> r.getMethod().equals(method) && r.getTarget().equals(target))
                .count();
    }

    @Override
    public void close() {
        server.close();
    }
}
