package dev.imagesync.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A PostgreSQL from Debian's {@code postgresql} package on loopback ({@code initdb} + {@code postgres} into a
 * temp dir on a free port), started once per test JVM on first use and stopped at JVM exit. PostgreSQL refuses
 * to run as root, so as root (CI) it runs as the {@code postgres} user via {@code setpriv}. Tests get a
 * database of their own from {@link #newDatabase()}.
 */
public final class PostgresServer {

    public static final String USER = "imagesync";
    private static final String INSTALL_HINT = "install Debian package postgresql (apt-get install -y postgresql) "
            + "or run .ci/run";
    private static PostgresServer shared;

    private final int port;

    private PostgresServer(int port) {
        this.port = port;
    }

    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static PostgresServer start() {
        Path bin = binDirectory();
        int port = LoopbackPorts.free();
        Path directory = ServiceProcess.newDirectory("postgres");
        Path data = directory.resolve("data");
        List<String> runAs = runAsPostgresIfRoot(directory);
        List<String> initdb = new ArrayList<>(runAs);
        initdb.addAll(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
                "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"));
        ExternalCommand.run(directory, initdb);
        List<String> postgres = new ArrayList<>(runAs);
        postgres.addAll(List.of(bin.resolve("postgres").toString(), "-D", data.toString(), "-p",
                Integer.toString(port), "-k", directory.toString(), "-c", "listen_addresses=127.0.0.1",
                "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                "-c", "max_connections=200"));
        ServiceProcess process = ServiceProcess.start("postgres", directory, postgres);
        process.awaitReady(Duration.ofSeconds(30), () -> answers(port));
        return new PostgresServer(port);
    }

    /** A fresh, empty database; returns its JDBC URL (user {@link #USER}, no password). */
    public String newDatabase() {
        String name = "test_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = DriverManager.getConnection(url("postgres"), USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database: " + e.getMessage(), e);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static boolean answers(int port) {
        try (Connection ignored = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                USER, "")) {
            return true;
        } catch (SQLException notYet) {
            return false;
        }
    }

    /** The newest {@code /usr/lib/postgresql/N/bin}, else the directory of {@code initdb} on PATH. */
    private static Path binDirectory() {
        File[] versions = new File("/usr/lib/postgresql").listFiles(File::isDirectory);
        if (versions != null) {
            var newest = Arrays.stream(versions)
                    .filter(version -> version.getName().matches("\\d+"))
                    .max(Comparator.comparingInt(version -> Integer.parseInt(version.getName())));
            if (newest.isPresent() && Files.isExecutable(newest.get().toPath().resolve("bin/postgres"))) {
                return newest.get().toPath().resolve("bin");
            }
        }
        try {
            return Path.of(RequiredBinary.locate("initdb", "postgresql")).toRealPath().getParent();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL not found: " + INSTALL_HINT, e);
        } catch (IllegalStateException missing) {
            throw new IllegalStateException("PostgreSQL (initdb, postgres) not found: " + INSTALL_HINT, missing);
        }
    }

    /** As root: the command prefix that drops to the postgres user, after giving it the directory. */
    private static List<String> runAsPostgresIfRoot(Path directory) {
        if (!"root".equals(System.getProperty("user.name"))) {
            return List.of();
        }
        String setpriv = RequiredBinary.locate("setpriv", "util-linux");
        ExternalCommand.run(directory, List.of("chown", "-R", "postgres:postgres", directory.toString()));
        try {
            // The temp dir's parents must be traversable by postgres; /tmp is.
            Files.setPosixFilePermissions(directory, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of(setpriv, "--reuid=postgres", "--regid=postgres", "--init-groups", "--reset-env");
    }
}
