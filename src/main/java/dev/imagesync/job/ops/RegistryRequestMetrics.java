package dev.imagesync.job.ops;

import io.micrometer.core.instrument.MeterRegistry;
import okhttp3.Interceptor;
import okhttp3.Response;

import java.io.IOException;

/**
 * Counts every registry HTTP exchange by method and status ({@code imagesync.registry.requests}; status
 * {@code io-error} when no response came) and the answers the registry client retries (408, 429, 5xx, I/O
 * errors) as {@code imagesync.registry.retries}. Added to every registry client as an interceptor bean.
 */
public class RegistryRequestMetrics implements Interceptor {

    private final MeterRegistry meters;

    public RegistryRequestMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String method = chain.request().method();
        try {
            Response response = chain.proceed(chain.request());
            count(method, Integer.toString(response.code()), isRetried(response.code()));
            return response;
        } catch (IOException failed) {
            count(method, "io-error", true);
            throw failed;
        }
    }

    private void count(String method, String status, boolean retried) {
        meters.counter("imagesync.registry.requests", "method", method, "status", status).increment();
        if (retried) {
            meters.counter("imagesync.registry.retries", "status", status).increment();
        }
    }

    private static boolean isRetried(int code) {
        return code == 408 || code == 429 || code >= 500;
    }
}
