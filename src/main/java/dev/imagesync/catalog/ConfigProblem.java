package dev.imagesync.catalog;

/**
 * One invalid key found by {@link ConfigValidator}.
 *
 * @param key    the etcd key (relative to the namespace), components quoted as stored
 * @param reason why it is invalid, one line, never a secret
 */
public record ConfigProblem(String key, String reason) implements Comparable<ConfigProblem> {

    @Override
    public int compareTo(ConfigProblem other) {
        int byKey = key.compareTo(other.key);
        return byKey != 0 ? byKey : reason.compareTo(other.reason);
    }

    @Override
    public String toString() {
        return key + ": " + reason;
    }
}
