package dev.imagesync.job.imports;

/**
 * The identifying parameters of the import jobs: the file and the SHA-256 of its content, so a changed file is a
 * new job instance and a restart can tell that the file it resumes is still the one it started on.
 */
public final class ImportJobParameters {

    public static final String FILE = "file";
    public static final String SHA256 = "file.sha256";

    private ImportJobParameters() {
    }
}
