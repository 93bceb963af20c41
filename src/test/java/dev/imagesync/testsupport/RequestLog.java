package dev.imagesync.testsupport;

import okhttp3.Interceptor;
import okhttp3.Response;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records the path of every registry request imagesync sends. Registered as an {@link Interceptor} bean,
 * which the registry client factory adds to every client.
 */
public final class RequestLog implements Interceptor {

    private final List<String> paths = new CopyOnWriteArrayList<>();

    @Override
    public Response intercept(Chain chain) throws IOException {
        paths.add(chain.request().method() + " " + chain.request().url().encodedPath());
        return chain.proceed(chain.request());
    }

    public void clear() {
        paths.clear();
    }

    /** Requests whose "METHOD path" contains {@code fragment}. */
    public List<String> matching(String fragment) {
        return paths.stream().filter(path -> path.contains(fragment)).toList();
    }
}
