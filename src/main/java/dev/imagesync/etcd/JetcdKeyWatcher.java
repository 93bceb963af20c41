package dev.imagesync.etcd;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.function.Consumer;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchEvent;

/**
 * {@link KeyWatcher} on its own jetcd client, built on first use with the same namespace as the store (jetcd
 * applies it to watches too, and strips it from the keys it reports). Thread-safe.
 */
public final class JetcdKeyWatcher implements KeyWatcher, AutoCloseable {

    private final EtcdProperties properties;
    private final BoundedEtcdCall errors;
    private Client client;

    public JetcdKeyWatcher(EtcdProperties properties) {
        this.properties = properties;
        this.errors = new BoundedEtcdCall(properties);
    }

    @Override
    public AutoCloseable watch(String key, Consumer<KeyChange> onChange, Consumer<EtcdException> onError) {
        Watch.Listener listener = Watch.listener(
                response -> response.getEvents().forEach(event -> onChange.accept(change(event))),
                failure -> onError.accept(errors.translate(failure)));
        Watch.Watcher watcher = watchClient().watch(ByteSequence.from(key, UTF_8), WatchOption.DEFAULT, listener);
        return watcher::close;
    }

    private static KeyChange change(WatchEvent event) {
        String key = event.getKeyValue().getKey().toString(UTF_8);
        if (event.getEventType() == WatchEvent.EventType.DELETE) {
            return new KeyChange(key, null);
        }
        return new KeyChange(key, event.getKeyValue().getValue().toString(UTF_8));
    }

    private synchronized Watch watchClient() {
        if (client == null) {
            client = JetcdClients.build(properties);
        }
        return client.getWatchClient();
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
