package dev.imagesync.job.rescan;

import dev.imagesync.etcd.ImageRecordKeys;
import dev.imagesync.etcd.KeyValueStore;
import dev.imagesync.image.ImageRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import java.util.Map;
import java.util.TreeMap;

/**
 * Puts a chunk's image records into etcd: the keys of all records merged (a repository marker once), sorted,
 * in transactions of at most 16 puts. Puts only, so re-writing a chunk after a restart is harmless.
 */
public class ImageRecordWriter implements ItemWriter<ImageRecord> {

    private static final Logger log = LoggerFactory.getLogger(ImageRecordWriter.class);

    private final KeyValueStore store;
    private final RegistryScanSession session;

    public ImageRecordWriter(KeyValueStore store, RegistryScanSession session) {
        this.store = store;
        this.session = session;
    }

    @Override
    public void write(Chunk<? extends ImageRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        Map<String, String> keys = new TreeMap<>();
        for (ImageRecord record : records) {
            keys.putAll(ImageRecordKeys.keysFor(record));
        }
        int written = store.putAll(keys);
        session.statistics().written(records.size(), written);
        for (ImageRecord record : records) {
            log.debug("Updated image - {}:{}", record.ref().repository(), record.ref().tag());
        }
    }
}
