package dev.imagesync.etcd;

import java.util.function.Consumer;

/** Watches single keys of the namespace for changes made by any client. */
public interface KeyWatcher {

    /**
     * Calls {@code onChange} for every later put or delete of {@code key} (relative to the namespace root),
     * on a jetcd thread, until the returned handle is closed. {@code onError} gets a one-line
     * {@link EtcdException} when the watch breaks.
     */
    AutoCloseable watch(String key, Consumer<KeyChange> onChange, Consumer<EtcdException> onError);

    /**
     * One change of a watched key.
     *
     * @param key   the key, relative to the namespace root
     * @param value the new value, or null when the key was deleted
     */
    record KeyChange(String key, String value) {

        public boolean deleted() {
            return value == null;
        }
    }
}
