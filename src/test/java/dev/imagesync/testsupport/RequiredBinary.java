package dev.imagesync.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A service binary the integration tests need. A missing one fails the test run (never skips it): a green
 * build that silently skipped its etcd tests would prove nothing.
 */
final class RequiredBinary {

    private RequiredBinary() {
    }

    /** The absolute path of {@code binary} on PATH (or /usr/sbin, /usr/bin), else an error saying how to install it. */
    static String locate(String binary, String debianPackage) {
        List<String> directories = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        directories.addAll(List.of("/usr/sbin", "/usr/bin", "/usr/local/bin"));
        for (String directory : directories) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, binary);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(binary + " not found on PATH: install Debian package " + debianPackage
                + " (apt-get install -y " + debianPackage + ") or run .ci/run");
    }
}
