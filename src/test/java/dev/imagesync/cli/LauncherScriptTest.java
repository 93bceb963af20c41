package dev.imagesync.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/imagesync}, run by bash with a stand-in {@code java} that prints the arguments it was given: the
 * JVM options each command gets and how the environment overrides them.
 */
class LauncherScriptTest {

    private static final Path LAUNCHER = Path.of("bin", "imagesync").toAbsolutePath();

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    @Test
    void oneShotCommands_runWithTheC1CompilerAlone() throws Exception {
        Path jar = jar();
        Run run = launch(Map.of("IMAGESYNC_JAR", jar.toString()), "rescan-images", "--full");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("-XX:TieredStopAtLevel=1 -jar " + jar + " rescan-images --full");
        assertThat(launch(Map.of("IMAGESYNC_JAR", jar.toString()), "--help").out())
                .isEqualTo("-XX:TieredStopAtLevel=1 -jar " + jar + " --help");
    }

    @Test
    void serve_keepsTheDefaultTieredCompilation() throws Exception {
        Path jar = jar();

        assertThat(launch(Map.of("IMAGESYNC_JAR", jar.toString()), "serve", "--help").out())
                .isEqualTo("-jar " + jar + " serve --help");
    }

    @Test
    void environment_replacesTheDefaultsAndAddsOptions() throws Exception {
        Path jar = jar();

        assertThat(launch(Map.of("IMAGESYNC_JAR", jar.toString(), "IMAGESYNC_JAVA_OPTS", "", "JAVA_OPTS", "-Xmx1g"),
                "rescan-images").out()).isEqualTo("-Xmx1g -jar " + jar + " rescan-images");
        assertThat(launch(Map.of("IMAGESYNC_JAR", jar.toString(), "IMAGESYNC_JAVA_OPTS", "-XX:+UseSerialGC -Xss512k"),
                "serve").out()).isEqualTo("-XX:+UseSerialGC -Xss512k -jar " + jar + " serve");
    }

    @Test
    void installedLayout_runsTheJarInTheDirectoryAboveBin() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("opt/imagesync/bin"));
        Path launcher = Files.copy(LAUNCHER, bin.resolve("imagesync"));
        Path jar = Files.writeString(bin.getParent().resolve("imagesync.jar"), "stand-in");

        assertThat(launch(launcher, Map.of(), "nodes").out()).isEqualTo("-XX:TieredStopAtLevel=1 -jar " + jar + " nodes");
    }

    @Test
    void missingJar_failsInOneLineSayingHowToBuildIt() throws Exception {
        Path missing = dir.resolve("nowhere.jar");
        Run run = launch(Map.of("IMAGESYNC_JAR", missing.toString()), "rescan-images");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: " + missing
                + " not found; build it with: mvn -B -DskipTests package (or set IMAGESYNC_JAR)");
    }

    private Path jar() throws IOException {
        return Files.writeString(dir.resolve("imagesync.jar"), "not a real jar: java is a stand-in");
    }

    private Run launch(Map<String, String> environment, String... arguments) throws Exception {
        return launch(LAUNCHER, environment, arguments);
    }

    private Run launch(Path launcher, Map<String, String> environment, String... arguments) throws Exception {
        Path java = dir.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$*\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        List<String> command = new ArrayList<>(List.of("bash", launcher.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("IMAGESYNC_JAVA_OPTS");
        builder.environment().remove("IMAGESYNC_JAR");
        builder.environment().put("JAVA", java.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return new Run(process.waitFor(), out, err);
    }
}
