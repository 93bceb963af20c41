package dev.imagesync.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * imagesync run as its own JVM from the test classpath ({@code java -cp ... ImagesyncApplication ARGS}), with
 * stdout and stderr in a temp file: for what only another process can show (kill -9, SIGTERM).
 */
public final class ImagesyncProcess implements AutoCloseable {

    private final Process process;
    private final Path output;

    private ImagesyncProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    public static ImagesyncProcess start(List<String> args) {
        try {
            Path output = Files.createTempFile("imagesync-child-", ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                    "dev.imagesync.app.ImagesyncApplication"));
            command.addAll(args);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            return new ImagesyncProcess(process, output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a child JVM", e);
        }
    }

    /** Waits for a line matching {@code pattern} and returns its first group. */
    public String awaitOutput(Pattern pattern, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = pattern.matcher(output());
            if (matcher.find()) {
                return matcher.group(1);
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("child JVM did not print " + pattern + "; output:\n" + output());
    }

    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL: no shutdown hook, no cleanup, as a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM, then the exit code (or an error if it does not exit within {@code within}). */
    public int terminate(Duration within) throws InterruptedException {
        process.destroy();
        return awaitExit(within);
    }

    public int awaitExit(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("child JVM did not exit within " + within.toSeconds() + "s; output:\n" + output());
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            Files.deleteIfExists(output);
        } catch (IOException ignored) {
            // a leftover temp log is harmless
        }
    }
}
