package id.pantau;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.pantau.shared.MissingSettingsException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import id.pantau.support.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** How Pantau starts: production refuses to guess, dev brings its own database and keeps it. */
@ExtendWith(OutputCaptureExtension.class)
class StartupTest {

    private static final Pattern GENERATED_PASSWORD =
            Pattern.compile("Bootstrap administrator created: username '([^']+)', password '([^']+)'");

    @Test
    void productionWithNothingSetStopsWithOneMessageNamingEverySetting(CapturedOutput output) {
        assertThat(failureOf(() -> start("--pantau.db.url=", "--pantau.db.user=", "--pantau.db.password=", "--pantau.data-key=",
                "--pantau.bootstrap.admin.username=", "--pantau.bootstrap.admin.password=").close()))
                .isInstanceOf(MissingSettingsException.class)
                .hasMessageContaining("missing PANTAU_DB_URL, PANTAU_DB_USER, PANTAU_DB_PASSWORD, PANTAU_DATA_KEY")
                .satisfies(e -> assertThat(((MissingSettingsException) e).action())
                        .contains("PANTAU_DB_URL=jdbc:postgresql://", "PANTAU_DATA_KEY=$(openssl rand -base64 32)",
                                "PANTAU_BOOTSTRAP_ADMIN_USERNAME", "PANTAU_BOOTSTRAP_ADMIN_PASSWORD", "--spring.profiles.active=dev"));
        // one report, not one stack trace per failing bean
        assertThat(output.getOut() + output.getErr()).containsOnlyOnce("APPLICATION FAILED TO START")
                .contains("PANTAU_DB_URL, PANTAU_DB_USER, PANTAU_DB_PASSWORD, PANTAU_DATA_KEY");
    }

    @Test
    void aMissingDataKeyAloneIsNamedAlone() {
        assertThat(failureOf(() -> start("--pantau.db.url=jdbc:postgresql://127.0.0.1:1/none", "--pantau.db.user=pantau",
                "--pantau.db.password=secret", "--pantau.data-key=").close()))
                .isInstanceOf(MissingSettingsException.class)
                .satisfies(e -> assertThat(((MissingSettingsException) e).settings()).containsExactly("PANTAU_DATA_KEY"));
    }

    @Test
    void productionRefusesADatabaseOtherThanPostgresql() {
        assertThat(failureOf(() -> start("--pantau.db.url=jdbc:h2:mem:x", "--pantau.db.user=sa", "--pantau.db.password=secret",
                "--pantau.data-key=" + TestDatabaseInitializer.DATA_KEY).close()))
                .isInstanceOf(MissingSettingsException.class)
                .hasMessageContaining("only runs on PostgreSQL");
    }

    @Test
    void theDevProfileStartsItsOwnPostgresqlAndKeepsTheDataAcrossRestarts(@TempDir Path data, CapturedOutput output) {
        String[] dev = {"--spring.profiles.active=dev", "--pantau.dev.data-dir=" + data, "--pantau.bootstrap.admin.username=",
                "--pantau.bootstrap.admin.password="};
        long firstAdmin;
        try (ConfigurableApplicationContext first = start(dev)) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from region").query(Long.class).single()).isEqualTo(91_599);
            firstAdmin = jdbc.sql("select id from account where username = 'admin'").query(Long.class).single();
            // labelled as what it is, and the generated password is shown once and works
            assertThat(output.getOut()).contains("DEVELOPMENT DATABASE - NOT FOR PRODUCTION");
            Matcher shown = GENERATED_PASSWORD.matcher(output.getOut());
            assertThat(shown.find()).as("the generated password in the log").isTrue();
            assertThat(shown.group(1)).isEqualTo("admin");
            String hash = jdbc.sql("select password_hash from account where id = ?").param(firstAdmin).query(String.class).single();
            assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches(shown.group(2), hash)).isTrue();
            assertThat(hash).doesNotContain(shown.group(2));
        }
        int afterFirstStart = output.getOut().length();
        try (ConfigurableApplicationContext second = start(dev)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select id from account where 'ADMIN' = any(roles)").query(Long.class).list())
                    .containsExactly(firstAdmin);
            assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
                    .isGreaterThanOrEqualTo(5);
            assertThat(output.getOut().substring(afterFirstStart)).as("the second start's log")
                    .doesNotContain("Bootstrap administrator created");
        }
        assertThat(data.resolve("postgres/PG_VERSION")).exists();
        assertThat(data.resolve("data-key")).exists();
    }

    /** What stopped the start: the root cause, or the exception itself when it has none. */
    private static Throwable failureOf(ThrowingCallable start) {
        Throwable thrown = catchThrowable(start);
        assertThat(thrown).as("the start failed").isNotNull();
        return NestedExceptionUtils.getMostSpecificCause(thrown);
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] web = java.util.Arrays.copyOf(args, args.length + 2);
        web[args.length] = "--server.port=0";
        web[args.length + 1] = "--server.tomcat.basedir=target/tomcat";
        return new SpringApplicationBuilder(PantauApplication.class).run(web);
    }
}
