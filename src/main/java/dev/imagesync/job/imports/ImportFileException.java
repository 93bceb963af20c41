package dev.imagesync.job.imports;

/**
 * An import file that cannot be read or is not valid. The message is one line naming the file and every
 * problem with its line number.
 */
public class ImportFileException extends RuntimeException {

    public ImportFileException(String message) {
        super(message);
    }
}
