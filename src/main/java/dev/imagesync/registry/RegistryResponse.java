package dev.imagesync.registry;

import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * A response read completely (its body within {@code maxBodyBytes}), so that retrying, parsing and paging
 * never hold a connection open.
 */
record RegistryResponse(String method, HttpUrl url, int code, Headers headers, byte[] body) {

    boolean isSuccessful() {
        return code >= 200 && code < 300;
    }

    /** The media type of the body without parameters, lower-cased; empty when absent. */
    String contentType() {
        String value = headers.get("Content-Type");
        if (value == null) {
            return "";
        }
        int parameters = value.indexOf(';');
        return (parameters < 0 ? value : value.substring(0, parameters)).strip().toLowerCase(java.util.Locale.ROOT);
    }

    String header(String name) {
        return headers.get(name);
    }
}
