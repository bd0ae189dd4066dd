package id.pantau.shared.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development database: a real PostgreSQL server that Pantau starts itself, keeping its
 * data in a directory of the working copy so that it survives restarts.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    // zonky's superuser; the server listens on localhost only and trusts local connections,
    // so this is not a secret (and nothing in production uses it)
    static final String USER = "postgres";
    static final String PASSWORD = "postgres";
    private static final String DATABASE = "pantau";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory);
        stopOrphanedServer(dataDirectory);
        long started = System.nanoTime();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        createDatabaseIfMissing(postgres);
        log.warn("""

                ************************************************************************
                  DEVELOPMENT DATABASE - NOT FOR PRODUCTION
                  Embedded PostgreSQL on port {} with its data in {}
                  (started in {} ms). Production: set PANTAU_DB_URL, PANTAU_DB_USER and
                  PANTAU_DB_PASSWORD and start without the dev profile.
                ************************************************************************""",
                postgres.getPort(), dataDirectory.toAbsolutePath().normalize(), (System.nanoTime() - started) / 1_000_000);
        return new EmbeddedPostgresServer(postgres);
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("create database " + DATABASE + " encoding 'UTF8'");
                }
            }
        } catch (SQLException e) {
            throw new IOException("Could not create the development database", e);
        }
    }

    /**
     * A killed JVM leaves its PostgreSQL server running and holding the data directory; the
     * next start would fail on the lock. Such an orphan has no clients, so a polite SIGTERM
     * (PostgreSQL's "smart" shutdown) stops it cleanly.
     */
    static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d+")) {
            return;
        }
        long pid = Long.parseLong(lines.getFirst().strip());
        var process = ProcessHandle.of(pid).filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (process.isEmpty()) {
            return;
        }
        log.warn("Stopping a development PostgreSQL server (pid {}) left running by an earlier, interrupted start", pid);
        process.get().destroy();
        try {
            process.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("A PostgreSQL server (pid " + pid + ") still holds " + dataDirectory + "; stop it and start again", e);
        }
    }
}
