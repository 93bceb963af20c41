package dev.imagesync.registry;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Sends one request and reads its whole body, retrying temporary failures. This is the only place that
 * retries: every registry, listing, manifest and token request goes through here. Thread-safe.
 */
final class HttpExchanger {

    private static final Logger log = LoggerFactory.getLogger(HttpExchanger.class);

    private final String registry;
    private final OkHttpClient client;
    private final RetryBackoff backoff;
    private final Sleeper sleeper;
    private final long maxBodyBytes;

    HttpExchanger(String registry, OkHttpClient client, RetryBackoff backoff, Sleeper sleeper, long maxBodyBytes) {
        this.registry = registry;
        this.client = client;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.maxBodyBytes = maxBodyBytes;
    }

    String registry() {
        return registry;
    }

    /** The first non-temporary answer, whatever its status; throws once retries are exhausted. */
    RegistryResponse exchange(Request request) {
        String path = request.url().encodedPath();
        for (int attempt = 1; ; attempt++) {
            String failure;
            String retryAfter = null;
            IOException cause = null;
            try {
                RegistryResponse response = attemptOnce(request);
                if (!RetryBackoff.isTemporary(response.code())) {
                    return response;
                }
                failure = "HTTP " + response.code();
                retryAfter = response.header("Retry-After");
            } catch (IOException e) {
                if (RegistryTlsException.isCertificateRefusal(e)) {
                    // A refused certificate does not heal within a retry's wait: fail at once, say what to do.
                    // Other handshake failures (a reset mid-handshake) are retried like any I/O error.
                    throw tlsFailure(request, e);
                }
                failure = e instanceof SocketTimeoutException ? "read timeout" : e.getClass().getSimpleName();
                cause = e;
            }
            if (attempt > backoff.maxRetries()) {
                throw new RegistryUnavailableException(registry, request.method(), path, attempt, failure, cause);
            }
            Duration delay = backoff.delayBefore(attempt, retryAfter);
            log.info("registry '{}': {} {} failed with {}, retry {}/{} in {} ms", registry, request.method(), path,
                    failure, attempt, backoff.maxRetries(), delay.toMillis());
            pause(delay, request, path);
        }
    }

    private RegistryTlsException tlsFailure(Request request, IOException refused) {
        String origin = request.url().scheme() + "://" + request.url().host() + ":" + request.url().port();
        return RegistryTlsException.of(registry, origin, refused);
    }

    private RegistryResponse attemptOnce(Request request) throws IOException {
        try (Response response = client.newCall(request).execute()) {
            byte[] body = readCapped(response.body(), request.url().encodedPath());
            // The URL asked for, not the one redirected to: Link paging resolves against it.
            return new RegistryResponse(request.method(), request.url(), response.code(),
                    response.headers(), body);
        }
    }

    /** Reads at most {@code maxBodyBytes}; a declared or actual larger body is refused, not truncated. */
    private byte[] readCapped(ResponseBody body, String path) throws IOException {
        if (body.contentLength() > maxBodyBytes) {
            throw new ResponseTooLargeException(registry, path, maxBodyBytes);
        }
        BufferedSource source = body.source();
        Buffer buffer = new Buffer();
        while (!source.exhausted()) {
            source.read(buffer, 8192);
            if (buffer.size() > maxBodyBytes) {
                throw new ResponseTooLargeException(registry, path, maxBodyBytes);
            }
        }
        return buffer.readByteArray();
    }

    private void pause(Duration delay, Request request, String path) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException(registry, request.method(), path, 0, "interrupted",
                    new InterruptedIOException("interrupted while waiting to retry"));
        }
    }
}
