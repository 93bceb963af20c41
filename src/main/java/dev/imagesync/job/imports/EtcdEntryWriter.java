package dev.imagesync.job.imports;

import java.util.Map;
import java.util.TreeMap;

import dev.imagesync.etcd.KeyValueStore;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Puts a chunk of import entries into etcd: their keys merged and sorted, in transactions of at most 16 puts
 * (the store's batching). Puts only, so a chunk written again after a crash is harmless.
 *
 * @param <T> the entry type
 */
public class EtcdEntryWriter<T> implements ItemWriter<T> {

    private final KeyValueStore store;
    private final ImportFileParser<T> parser;

    public EtcdEntryWriter(KeyValueStore store, ImportFileParser<T> parser) {
        this.store = store;
        this.parser = parser;
    }

    @Override
    public void write(Chunk<? extends T> entries) {
        Map<String, String> keys = new TreeMap<>();
        for (T entry : entries) {
            keys.putAll(parser.keysOf(entry));
        }
        if (!keys.isEmpty()) {
            store.putAll(keys);
        }
    }
}
