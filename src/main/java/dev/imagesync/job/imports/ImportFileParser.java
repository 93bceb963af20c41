package dev.imagesync.job.imports;

import java.util.List;
import java.util.SortedMap;

/**
 * Turns an import file into its entries, checking the whole file first.
 *
 * @param <T> the entry type
 */
public interface ImportFileParser<T> {

    /** Every entry in file order; {@link ImportFileException} listing every problem when any is found. */
    List<T> parse(ImportFile file);

    /** The etcd keys and values one entry is written as. */
    SortedMap<String, String> keysOf(T entry);
}
