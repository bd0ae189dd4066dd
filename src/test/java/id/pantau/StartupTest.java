package id.pantau;

import java.nio.file.Path;

import id.pantau.shared.MissingSettingsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How Pantau starts: production refuses to guess, dev brings its own database and keeps it. */
class StartupTest {

    @Test
    void productionWithoutADatabaseStopsWithOneMessageNamingEverySetting() {
        assertThatThrownBy(() -> start("--pantau.db.url=", "--pantau.db.user=", "--pantau.db.password=").close())
                .rootCause()
                .isInstanceOf(MissingSettingsException.class)
                .hasMessageContaining("PANTAU_DB_URL, PANTAU_DB_USER, PANTAU_DB_PASSWORD");
    }

    @Test
    void productionRefusesADatabaseOtherThanPostgresql() {
        assertThatThrownBy(() -> start("--pantau.db.url=jdbc:h2:mem:x", "--pantau.db.user=sa", "--pantau.db.password=secret").close())
                .rootCause()
                .isInstanceOf(MissingSettingsException.class)
                .hasMessageContaining("only runs on PostgreSQL");
    }

    @Test
    void theDevProfileStartsItsOwnPostgresqlAndKeepsTheDataAcrossRestarts(@TempDir Path data) {
        String[] dev = {"--spring.profiles.active=dev", "--pantau.dev.data-dir=" + data, "--pantau.bootstrap.admin.username=",
                "--pantau.bootstrap.admin.password="};
        long firstAdmin;
        try (ConfigurableApplicationContext first = start(dev)) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from region").query(Long.class).single()).isEqualTo(91_599);
            firstAdmin = jdbc.sql("select id from account where username = 'admin'").query(Long.class).single();
        }
        try (ConfigurableApplicationContext second = start(dev)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select id from account where 'ADMIN' = any(roles)").query(Long.class).list())
                    .containsExactly(firstAdmin);
            assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
                    .isGreaterThanOrEqualTo(5);
        }
        assertThat(data.resolve("postgres/PG_VERSION")).exists();
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] web = java.util.Arrays.copyOf(args, args.length + 2);
        web[args.length] = "--server.port=0";
        web[args.length + 1] = "--server.tomcat.basedir=target/tomcat";
        return new SpringApplicationBuilder(PantauApplication.class).run(web);
    }
}
