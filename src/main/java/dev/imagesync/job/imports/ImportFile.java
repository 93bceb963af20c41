package dev.imagesync.job.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An import file read once into memory, with the SHA-256 that identifies its content in job parameters.
 *
 * @param path    the path as given
 * @param content the bytes
 * @param sha256  lowercase hex SHA-256 of the bytes
 */
public record ImportFile(Path path, byte[] content, String sha256) {

    /** Reads the file; a missing or unreadable one is an {@link ImportFileException} naming it. */
    public static ImportFile read(Path path) {
        try {
            byte[] content = Files.readAllBytes(path);
            return new ImportFile(path, content, sha256(content));
        } catch (NoSuchFileException missing) {
            throw new ImportFileException(path + ": cannot read: no such file");
        } catch (IOException | SecurityException unreadable) {
            throw new ImportFileException(path + ": cannot read: " + oneLine(unreadable));
        }
    }

    /** Reads the file and checks it is the content a job was started with. */
    public static ImportFile readExpecting(Path path, String expectedSha256) {
        ImportFile file = read(path);
        if (expectedSha256 != null && !expectedSha256.equals(file.sha256())) {
            throw new ImportFileException(path + ": changed since this import started (sha256 " + expectedSha256
                    + ", now " + file.sha256() + "); run the import again to apply the new content");
        }
        return file;
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }

    private static String oneLine(Exception failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + " " + failure.getMessage();
        return message.replaceAll("\\s+", " ");
    }
}
