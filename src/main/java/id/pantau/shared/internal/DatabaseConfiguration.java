package id.pantau.shared.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * Where the data lives. Boot builds the connection pool from whichever
 * {@link JdbcConnectionDetails} is active: the embedded server in {@code dev}, the configured
 * external server everywhere else.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    @Profile("!dev")
    JdbcConnectionDetails externalDatabase(DatabaseSettings settings, Environment environment) {
        settings.requireComplete(environment);
        return new Connection(settings.url(), settings.user(), settings.password());
    }

    @Bean(destroyMethod = "close")
    @Profile("dev")
    EmbeddedPostgresServer embeddedPostgres(@Value("${pantau.dev.data-dir:./data}") Path dataDir) throws IOException {
        return EmbeddedPostgresServer.start(dataDir.resolve("postgres"));
    }

    @Bean
    @Profile("dev")
    JdbcConnectionDetails embeddedDatabase(EmbeddedPostgresServer server) {
        return new Connection(server.jdbcUrl(), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    }

    private record Connection(String url, String user, String password) implements JdbcConnectionDetails {

        @Override
        public String getJdbcUrl() {
            return url;
        }

        @Override
        public String getUsername() {
            return user;
        }

        @Override
        public String getPassword() {
            return password;
        }
    }
}
