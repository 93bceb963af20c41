package dev.imagesync.job.imports;

import java.nio.file.Path;
import java.util.List;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads the entries of an import file one by one. The file is immutable for a job instance (its SHA-256 is a
 * job parameter, checked again on open), so a count of items read is a sound restart point: on restart the
 * reader skips the entries of committed chunks. Not thread-safe; one per step execution.
 *
 * @param <T> the entry type
 */
public class ImportFileItemReader<T> extends AbstractItemCountingItemStreamItemReader<T> {

    private final Path path;
    private final String sha256;
    private final ImportFileParser<T> parser;
    private List<T> entries = List.of();
    private int next;

    public ImportFileItemReader(String name, Path path, String sha256, ImportFileParser<T> parser) {
        this.path = path;
        this.sha256 = sha256;
        this.parser = parser;
        setName(name);
    }

    @Override
    protected void doOpen() {
        entries = parser.parse(ImportFile.readExpecting(path, sha256));
        next = 0;
    }

    @Override
    protected T doRead() {
        return next < entries.size() ? entries.get(next++) : null;
    }

    @Override
    protected void jumpToItem(int itemIndex) {
        next = Math.min(itemIndex, entries.size());
    }

    @Override
    protected void doClose() {
        entries = List.of();
    }
}
