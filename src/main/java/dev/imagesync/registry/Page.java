package dev.imagesync.registry;

import okhttp3.HttpUrl;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One page of a listing and the cursor to the next one, as a value (after go-containerregistry's
 * {@code remote/list.go}). The cursor is whatever the registry gave, resolved to an absolute URL; whether
 * it may be followed is {@link Pager}'s decision.
 */
record Page<T>(List<T> items, Optional<HttpUrl> next) {

    /** {@code <url>; rel="next"} or {@code <url>; rel=next}, one link among several comma-separated ones. */
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]*)*)");
    private static final Pattern REL_NEXT = Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";]*)\"?");

    Page {
        items = List.copyOf(items);
    }

    <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), next);
    }

    static <T> Page<T> last(List<T> items) {
        return new Page<>(items, Optional.empty());
    }

    /** A page whose next cursor is the {@code Link: <…>; rel="next"} header of {@code response}, if any. */
    static <T> Page<T> linkedFrom(RegistryResponse response, List<T> items) {
        return new Page<>(items, nextLink(response.url(), response.headers().values("Link")));
    }

    /** A page whose next cursor is a URL found in the body (Docker Hub's {@code next}), if any. */
    static <T> Page<T> withNext(RegistryResponse response, List<T> items, String next) {
        return new Page<>(items, resolve(response.url(), next));
    }

    /** The {@code rel="next"} target among {@code Link} headers, resolved against the request URL. */
    static Optional<HttpUrl> nextLink(HttpUrl requestUrl, List<String> linkHeaders) {
        for (String header : linkHeaders) {
            Matcher link = LINK.matcher(header);
            while (link.find()) {
                Matcher rel = REL_NEXT.matcher(link.group(2));
                if (rel.find() && List.of(rel.group(1).strip().split("\\s+")).contains("next")) {
                    return resolve(requestUrl, link.group(1).strip());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<HttpUrl> resolve(HttpUrl base, String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(base.resolve(reference.strip()));
    }
}
