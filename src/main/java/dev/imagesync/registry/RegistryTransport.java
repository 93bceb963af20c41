package dev.imagesync.registry;

import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * GETs on one registry with authentication handled here, so listers and the Distribution client only say
 * which URL, which token scope and which media types. Retries happen one level down in
 * {@link HttpExchanger}. Thread-safe.
 */
final class RegistryTransport {

    private final HttpExchanger exchanger;
    private final RegistryAuthenticator authenticator;

    RegistryTransport(HttpExchanger exchanger, RegistryAuthenticator authenticator) {
        this.exchanger = exchanger;
        this.authenticator = authenticator;
    }

    String registry() {
        return exchanger.registry();
    }

    /**
     * The answer to {@code GET url}, whatever its status except 401/403, which throw.
     *
     * @param scope  the token scope the request needs ({@code repository:x:pull}), or null
     * @param accept the {@code Accept} header value, or null
     */
    RegistryResponse get(HttpUrl url, String scope, String accept) {
        return send("GET", url, scope, accept);
    }

    /** Like {@link #get} for {@code HEAD}: headers only. */
    RegistryResponse head(HttpUrl url, String scope, String accept) {
        return send("HEAD", url, scope, accept);
    }

    private RegistryResponse send(String method, HttpUrl url, String scope, String accept) {
        RegistryResponse response = exchanger.exchange(request(method, url, scope, accept));
        if (response.code() == 401 && authenticator.renewAfterUnauthorized(response, scope)) {
            response = exchanger.exchange(request(method, url, scope, accept));
        }
        if (response.code() == 401 || response.code() == 403) {
            throw new RegistryUnauthorizedException(registry(), method, url.encodedPath(), response.code());
        }
        return response;
    }

    /** Like {@link #get} but only a 2xx answer is returned: 404 is {@link RegistryNotFoundException}. */
    RegistryResponse getSuccessful(HttpUrl url, String scope, String accept) {
        RegistryResponse response = get(url, scope, accept);
        if (response.code() == 404) {
            throw new RegistryNotFoundException(registry(), "GET", url.encodedPath());
        }
        if (!response.isSuccessful()) {
            throw new RegistryException("registry '" + registry() + "' answered HTTP " + response.code()
                    + " to GET " + url.encodedPath());
        }
        return response;
    }

    private Request request(String method, HttpUrl url, String scope, String accept) {
        Request.Builder request = new Request.Builder().url(url).method(method, null);
        if (accept != null) {
            request.header("Accept", accept);
        }
        String authorization = authenticator.authorization(scope);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }
}
