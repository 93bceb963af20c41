package dev.imagesync.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * One service process started by the tests, with its own temp directory (data and log) that is deleted when
 * it stops. A JVM shutdown hook stops it if the test never does. Thread-safe.
 */
final class ServiceProcess {

    private final String name;
    private final Path directory;
    private final Path log;
    private final Process process;

    private ServiceProcess(String name, Path directory, Path log, Process process) {
        this.name = name;
        this.directory = directory;
        this.log = log;
        this.process = process;
    }

    /** A fresh temp directory for a service's data and config; the caller then {@link #start}s in it. */
    static Path newDirectory(String name) {
        try {
            return Files.createTempDirectory("imagesync-test-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ServiceProcess start(String name, Path directory, List<String> command) {
        Path log = directory.resolve(name + ".log");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            ServiceProcess service = new ServiceProcess(name, directory, log, process);
            Runtime.getRuntime().addShutdownHook(new Thread(service::stop, "stop-" + name));
            return service;
        } catch (IOException e) {
            deleteRecursively(directory);
            throw new IllegalStateException("cannot start " + name + " (" + String.join(" ", command) + "): " + e, e);
        }
    }

    /** Polls {@code ready} until it holds; fails with the log's tail if the process dies or time runs out. */
    void awaitReady(Duration within, BooleanSupplier ready) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String tail = logTail(30);
                stop();
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready; log:\n" + tail);
            }
            if (ready.getAsBoolean()) {
                return;
            }
            sleep(100);
        }
        String tail = logTail(30);
        stop();
        throw new IllegalStateException(name + " was not ready within " + within.toSeconds() + "s; log:\n" + tail);
    }

    Path directory() {
        return directory;
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the process (TERM, then KILL after 5 s) and deletes its directory. Safe to call twice. */
    synchronized void stop() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        deleteRecursively(directory);
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: a leftover temp dir must not fail the JVM's shutdown
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a service", e);
        }
    }
}
