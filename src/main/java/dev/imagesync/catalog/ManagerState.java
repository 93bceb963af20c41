package dev.imagesync.catalog;

import java.util.Optional;
import java.util.function.Consumer;

import dev.imagesync.etcd.EtcdException;
import dev.imagesync.etcd.KeyValueStore;
import dev.imagesync.etcd.KeyWatcher;
import dev.imagesync.image.ManagerStatus;

/** {@code manager/status}: read, set and watched for changes made by any client. */
public final class ManagerState {

    private final KeyValueStore store;
    private final KeyWatcher watcher;

    public ManagerState(KeyValueStore store, KeyWatcher watcher) {
        this.store = store;
        this.watcher = watcher;
    }

    /** The status, empty when none was ever set. */
    public Optional<ManagerStatus> status() {
        return store.get(CatalogKeys.MANAGER_STATUS).map(value -> {
            try {
                return ManagerStatus.fromValue(value);
            } catch (IllegalArgumentException invalid) {
                throw new IllegalStateException(CatalogKeys.MANAGER_STATUS + ": " + invalid.getMessage());
            }
        });
    }

    public void setStatus(ManagerStatus status) {
        store.put(CatalogKeys.MANAGER_STATUS, status.value());
    }

    /**
     * Calls {@code onChange} with each new value (empty when deleted) until the handle is closed; values are
     * passed as stored, so an operator sees even an invalid one.
     */
    public AutoCloseable watchStatus(Consumer<Optional<String>> onChange, Consumer<EtcdException> onError) {
        return watcher.watch(CatalogKeys.MANAGER_STATUS, change -> onChange.accept(Optional.ofNullable(change.value())),
                onError);
    }
}
