package dev.imagesync.registry;

import dev.imagesync.registry.wire.TokenTemplate;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.Request;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides the {@code Authorization} header of each request, below the callers (after jib-core's
 * {@code RegistryAuthenticator}): a cached Bearer token for the scope, else Basic credentials when
 * configured, else none. A 401 carrying a Bearer challenge fetches a token for the scope from the realm;
 * once a realm is known, tokens for new scopes are fetched before asking. Thread-safe; two threads may
 * fetch the same scope's token at once, which costs one extra token request and nothing else.
 */
final class RegistryAuthenticator {

    /** Key under which a token asked for without a scope is cached. */
    private static final String NO_SCOPE = "";

    private final HttpExchanger exchanger;
    private final WireDecoder decoder;
    private final String basicCredentials;
    private final Map<String, String> tokensByScope = new ConcurrentHashMap<>();
    private volatile BearerChallenge knownChallenge;

    RegistryAuthenticator(HttpExchanger exchanger, String username, String password) {
        this.exchanger = exchanger;
        this.decoder = new WireDecoder(exchanger.registry());
        this.basicCredentials = username == null || username.isEmpty() ? null
                : Credentials.basic(username, password == null ? "" : password);
    }

    /** The header value for a request needing {@code scope} (null: no token scope), or null for none. */
    String authorization(String scope) {
        String token = tokensByScope.get(key(scope));
        if (token == null && knownChallenge != null && scope != null) {
            token = fetchToken(knownChallenge, scope);
        }
        if (token != null) {
            return "Bearer " + token;
        }
        return basicCredentials;
    }

    /**
     * Reacts to a 401: true when it carried a Bearer challenge and a fresh token for {@code scope} is now
     * cached, so the request is worth sending once more.
     */
    boolean renewAfterUnauthorized(RegistryResponse unauthorized, String scope) {
        BearerChallenge challenge = BearerChallenge.parse(unauthorized.header("WWW-Authenticate"));
        if (challenge == null) {
            return false;
        }
        knownChallenge = challenge;
        fetchToken(challenge, scope != null ? scope : challenge.scope());
        return true;
    }

    private String fetchToken(BearerChallenge challenge, String scope) {
        HttpUrl realm = HttpUrl.parse(challenge.realm());
        if (realm == null) {
            throw new RegistryException("registry '" + exchanger.registry() + "' named an unusable token realm");
        }
        HttpUrl.Builder url = realm.newBuilder();
        if (challenge.service() != null) {
            url.addQueryParameter("service", challenge.service());
        }
        if (scope != null && !scope.isEmpty()) {
            url.addQueryParameter("scope", scope);
        }
        Request.Builder request = new Request.Builder().url(url.build()).get();
        if (basicCredentials != null) {
            request.header("Authorization", basicCredentials);
        }
        RegistryResponse response = exchanger.exchange(request.build());
        if (response.code() == 401 || response.code() == 403) {
            throw new RegistryUnauthorizedException(exchanger.registry(), "GET",
                    response.url().encodedPath(), response.code());
        }
        if (!response.isSuccessful()) {
            throw new RegistryException("registry '" + exchanger.registry() + "': token realm "
                    + response.url().encodedPath() + " answered HTTP " + response.code());
        }
        String token = decoder.decode(response, TokenTemplate.class, "token response").bearerToken();
        if (token == null || token.isEmpty()) {
            throw new MalformedResponseException(exchanger.registry(), "token response", response.url().encodedPath(),
                    "neither token nor access_token present");
        }
        tokensByScope.put(key(scope), token);
        return token;
    }

    private static String key(String scope) {
        return scope == null ? NO_SCOPE : scope;
    }
}
