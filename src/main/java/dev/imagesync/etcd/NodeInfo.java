package dev.imagesync.etcd;

/**
 * One running imagesync instance as registered under {@code nodes/imagesync/{id}}.
 *
 * @param startedAt ISO-8601 instant, e.g. {@code 2026-01-02T03:00:00Z}
 */
public record NodeInfo(String id, String host, String version, String startedAt) {
}
