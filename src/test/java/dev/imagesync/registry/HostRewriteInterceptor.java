package dev.imagesync.registry;

import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

import java.io.IOException;

/**
 * Sends requests for one real host name (e.g. {@code registry-1.docker.io}) to a fake registry, so the
 * factory's host-based choices (Docker Hub) can be tested against MockWebServer.
 */
final class HostRewriteInterceptor implements Interceptor {

    private final String host;
    private final HttpUrl target;

    HostRewriteInterceptor(String host, FakeRegistry target) {
        this.host = host;
        this.target = HttpUrl.get(target.uri());
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        HttpUrl url = chain.request().url();
        if (!url.host().equals(host)) {
            return chain.proceed(chain.request());
        }
        HttpUrl rewritten = url.newBuilder().scheme(target.scheme()).host(target.host()).port(target.port()).build();
        return chain.proceed(chain.request().newBuilder().url(rewritten).build());
    }
}
