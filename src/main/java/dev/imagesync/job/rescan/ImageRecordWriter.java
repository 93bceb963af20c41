package dev.imagesync.job.rescan;

import dev.imagesync.etcd.ImageRecordKeys;
import dev.imagesync.etcd.KeyValueStore;
import dev.imagesync.image.ImageRecord;
import dev.imagesync.job.rescan.ScanStatistics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Puts a chunk's image records into etcd: the keys of all records merged (a repository marker once), sorted,
 * in transactions of at most 16 puts. Puts only, so re-writing a chunk after a restart is harmless. In a dry
 * run it reads what is there instead and reports the keys that would change.
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
        if (session.mode().dryRun()) {
            reportChanges(records);
            return;
        }
        Map<String, String> keys = new TreeMap<>();
        for (ImageRecord record : records) {
            keys.putAll(ImageRecordKeys.keysFor(record));
        }
        int written = store.putAll(keys);
        session.statistics().add(Counter.RECORDS, records.size());
        session.statistics().add(Counter.KEYS, written);
        for (ImageRecord record : records) {
            log.debug("Updated image - {}:{}", record.ref().repository(), record.ref().tag());
        }
    }

    private void reportChanges(Chunk<? extends ImageRecord> records) {
        for (ImageRecord record : records) {
            SortedMap<String, String> wanted = ImageRecordKeys.keysFor(record);
            String tagPath = ImageRecordKeys.tagPath(record.ref());
            SortedMap<String, String> present = store.getPrefix(tagPath);
            String repositoryPath = ImageRecordKeys.repositoryPath(record.ref().registry(), record.ref().repository());
            store.get(repositoryPath).ifPresent(marker -> present.put(repositoryPath, marker));
            long changed = wanted.entrySet().stream()
                    .filter(key -> !key.getValue().equals(present.get(key.getKey()))).count();
            if (changed > 0) {
                log.info("dry run: would write {} key(s) of {}", changed, record.ref());
                session.statistics().add(Counter.RECORDS, 1);
                session.statistics().add(Counter.KEYS, changed);
            }
        }
    }
}
