package id.pantau.account.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import id.pantau.shared.InvalidInputException;
import id.pantau.shared.MissingSettingsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes sure someone can sign in to a new instance. On a database without an administrator it
 * creates one from {@code PANTAU_BOOTSTRAP_ADMIN_USERNAME} / {@code PANTAU_BOOTSTRAP_ADMIN_PASSWORD};
 * in the dev profile, without them, {@code admin} with a random password printed once. Production
 * without them refuses to start: an instance nobody can administer is of no use.
 */
@Component
class BootstrapAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);
    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final AccountService accounts;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Environment environment;
    private final String username;
    private final String password;

    BootstrapAdministrator(AccountService accounts, JdbcClient jdbc, TransactionTemplate transaction,
                           Environment environment,
                           @Value("${pantau.bootstrap.admin.username:}") String username,
                           @Value("${pantau.bootstrap.admin.password:}") String password) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.environment = environment;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            // one node at a time, so that nodes starting together create one administrator
            jdbc.sql("select pg_advisory_xact_lock(hashtext('pantau.bootstrap-admin'))").query((rs, i) -> 1).list();
            bootstrap();
        });
    }

    private void bootstrap() {
        if (accounts.hasAdministrator()) {
            return;
        }
        if (!username.isBlank() && !password.isBlank()) {
            try {
                accounts.createBootstrapAdministrator(username, password);
            } catch (InvalidInputException e) {
                throw new MissingSettingsException("The bootstrap administrator settings are not valid",
                        e.violations().stream().map(v -> "PANTAU_BOOTSTRAP_ADMIN_" + v.field().toUpperCase()).toList(),
                        e.violations().stream().map(v -> v.field() + " " + v.message()).reduce((a, b) -> a + "; " + b).orElse(""));
            }
            log.info("Created the bootstrap administrator '{}'", username.strip().toLowerCase());
        } else if (environment.matchesProfiles("dev")) {
            String name = username.isBlank() ? "admin" : username.strip().toLowerCase();
            String generated = randomPassword();
            accounts.createBootstrapAdministrator(name, generated);
            log.warn("""

                    ************************************************************************
                      Bootstrap administrator created: username '{}', password '{}'
                      This is shown once. Change it after signing in.
                    ************************************************************************""",
                    name, generated);
        } else {
            throw missingSettings(username, password);
        }
    }

    private static String randomPassword() {
        var random = new SecureRandom();
        var text = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return text.toString();
    }

    static MissingSettingsException missingSettings(String username, String password) {
        List<String> missing = new ArrayList<>();
        if (username.isBlank()) {
            missing.add("PANTAU_BOOTSTRAP_ADMIN_USERNAME");
        }
        if (password.isBlank()) {
            missing.add("PANTAU_BOOTSTRAP_ADMIN_PASSWORD");
        }
        return new MissingSettingsException("This database has no administrator yet", missing, """
                Set the first administrator's credentials for this start, for example
                    PANTAU_BOOTSTRAP_ADMIN_USERNAME=admin
                    PANTAU_BOOTSTRAP_ADMIN_PASSWORD=<at least 12 characters>
                They are used only while the database has no enabled administrator.""");
    }
}
