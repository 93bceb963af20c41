package dev.imagesync.image;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What a registry URL must be, wherever one comes from (etcd, the config check, a command-line option): http or
 * https, with a host. Messages show the URL without its user info, which may hold a password.
 */
public final class RegistryUrl {

    private RegistryUrl() {
    }

    /** The URL; an {@link IllegalArgumentException} with a one-line message naming it when it is not one. */
    public static URI parse(String text) {
        String shown = text.replaceAll("//[^/@]*@", "//");
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException malformed) {
            throw new IllegalArgumentException("URL '" + shown + "' is malformed");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("URL '" + shown + "' needs an http:// or https:// scheme");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new IllegalArgumentException("URL '" + shown + "' has no host");
        }
        return url;
    }
}
