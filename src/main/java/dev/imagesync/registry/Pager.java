package dev.imagesync.registry;

import okhttp3.HttpUrl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Walks a paged listing to its end. Next-page cursors are followed only on the scheme, host and port the
 * listing started on (CONTRACT.md §3), so a registry cannot redirect our credentials elsewhere; a cursor
 * seen twice ends the walk instead of looping forever.
 */
final class Pager {

    private final String registry;

    Pager(String registry) {
        this.registry = registry;
    }

    <T> List<T> collect(HttpUrl first, Function<HttpUrl, Page<T>> fetchPage) {
        List<T> items = new ArrayList<>();
        Set<HttpUrl> visited = new HashSet<>();
        Optional<HttpUrl> next = Optional.of(first);
        while (next.isPresent() && visited.add(next.get())) {
            HttpUrl url = next.get();
            requireSameOrigin(first, url);
            Page<T> page = fetchPage.apply(url);
            items.addAll(page.items());
            next = page.next();
        }
        return items;
    }

    private void requireSameOrigin(HttpUrl origin, HttpUrl link) {
        if (!origin.scheme().equals(link.scheme()) || !origin.host().equals(link.host())
                || origin.port() != link.port()) {
            throw new UnsafeNextLinkException(registry, origin(origin), origin(link));
        }
    }

    private static String origin(HttpUrl url) {
        return url.scheme() + "://" + url.host() + ":" + url.port();
    }
}
