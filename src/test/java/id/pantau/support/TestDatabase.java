package id.pantau.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One throwaway PostgreSQL database per test JVM. With {@code PANTAU_TEST_DB_URL} (a JDBC URL of a
 * server's maintenance database, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres}) the
 * database is created on that server, and an unreachable server fails the tests; without it an
 * embedded server is started. The database is dropped when the JVM exits.
 */
public final class TestDatabase {

    public static final String USER_VARIABLE = "PANTAU_TEST_DB_USER";
    public static final String PASSWORD_VARIABLE = "PANTAU_TEST_DB_PASSWORD";

    private static TestDatabase instance;

    private final String url;
    private final String user;
    private final String password;

    private TestDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            String server = System.getenv("PANTAU_TEST_DB_URL");
            instance = server == null || server.isBlank() ? embedded() : external(server);
        }
        return instance;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    private static TestDatabase external(String serverUrl) {
        String user = envOr(USER_VARIABLE, "postgres");
        String password = envOr(PASSWORD_VARIABLE, "postgres");
        String name = "pantau_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(serverUrl, user, password, "create database " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
                execute(serverUrl, user, password, "drop database if exists " + name + " with (force)")));
        return new TestDatabase(withDatabase(serverUrl, name), user, password);
    }

    private static TestDatabase embedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            String name = "pantau_test";
            execute(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", "create database " + name);
            // zonky stops the server and deletes its directory in its own shutdown hook
            return new TestDatabase(postgres.getJdbcUrl("postgres", name), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start an embedded PostgreSQL for the tests", e);
        }
    }

    /** Replaces the database name in {@code jdbc:postgresql://host:port/name?params}. */
    static String withDatabase(String serverUrl, String database) {
        int hostStart = serverUrl.indexOf("//") + 2;
        int pathStart = serverUrl.indexOf('/', hostStart);
        int queryStart = serverUrl.indexOf('?');
        String base = pathStart < 0 ? (queryStart < 0 ? serverUrl : serverUrl.substring(0, queryStart)) : serverUrl.substring(0, pathStart);
        String query = queryStart < 0 ? "" : serverUrl.substring(queryStart);
        return base + "/" + database + query;
    }

    private static void execute(String url, String user, String password, String sql) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        try (Connection connection = DriverManager.getConnection(url, properties);
             var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for the tests at " + url + " failed on: " + sql, e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
