package dev.imagesync.registry;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code WWW-Authenticate: Bearer realm="…",service="…"} challenge: where to get a token and for which
 * service (RFC 6750 §3, Docker token authentication).
 *
 * @param realm   the token endpoint, an absolute URL (often on another host, e.g. {@code auth.docker.io})
 * @param service the {@code service} parameter to pass back, or null
 * @param scope   the scope the registry asked for, or null; used only when the caller names none
 */
record BearerChallenge(String realm, String service, String scope) {

    private static final Pattern PARAMETER = Pattern.compile("(\\w+)\\s*=\\s*(?:\"([^\"]*)\"|([^\\s,]+))");

    /** The Bearer challenge in a {@code WWW-Authenticate} value, or null when it is absent or another scheme. */
    static BearerChallenge parse(String header) {
        if (header == null) {
            return null;
        }
        String text = header.strip();
        if (!text.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher matcher = PARAMETER.matcher(text.substring("bearer ".length()));
        while (matcher.find()) {
            String value = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            parameters.put(matcher.group(1).toLowerCase(Locale.ROOT), value);
        }
        String realm = parameters.get("realm");
        return realm == null || realm.isEmpty() ? null
                : new BearerChallenge(realm, parameters.get("service"), parameters.get("scope"));
    }
}
