package id.pantau.shared.internal;

import java.util.ArrayList;
import java.util.List;

import id.pantau.shared.MissingSettingsException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.env.Environment;

/**
 * The production database, from {@code PANTAU_DB_URL}, {@code PANTAU_DB_USER} and
 * {@code PANTAU_DB_PASSWORD} (Spring maps those environment variables onto these properties).
 * There are no defaults: a production instance must be told where its data lives.
 */
@ConfigurationProperties("pantau.db")
record DatabaseSettings(@Nullable String url, @Nullable String user, @Nullable String password) {

    /**
     * Checks every setting a production start needs before anything connects, so that one message
     * names all that are missing: the database, and the key that encrypts personal data (read by
     * {@code PersonalDataCipher} later, which would otherwise fail on its own, one restart later).
     * The bootstrap administrator's settings matter only on a database without an administrator,
     * which cannot be known yet; when they are absent too, the message says so as well.
     */
    void requireComplete(Environment environment) {
        List<String> missing = new ArrayList<>();
        StringBuilder action = new StringBuilder("Set the missing environment variables, for example\n");
        if (isBlank(url)) {
            missing.add("PANTAU_DB_URL");
            action.append("    PANTAU_DB_URL=jdbc:postgresql://db.example:5432/pantau\n");
        }
        if (isBlank(user)) {
            missing.add("PANTAU_DB_USER");
            action.append("    PANTAU_DB_USER=pantau\n");
        }
        if (isBlank(password)) {
            missing.add("PANTAU_DB_PASSWORD");
            action.append("    PANTAU_DB_PASSWORD=<the database password>\n");
        }
        if (isBlank(environment.getProperty("pantau.data-key"))) {
            missing.add("PANTAU_DATA_KEY");
            action.append("    PANTAU_DATA_KEY=$(openssl rand -base64 32)   (keep it safe: losing it loses the encrypted data)\n");
        }
        if (!missing.isEmpty()) {
            if (isBlank(environment.getProperty("pantau.bootstrap.admin.username"))
                    || isBlank(environment.getProperty("pantau.bootstrap.admin.password"))) {
                action.append("""
                        On the first start against an empty database also set the first administrator:
                            PANTAU_BOOTSTRAP_ADMIN_USERNAME=admin
                            PANTAU_BOOTSTRAP_ADMIN_PASSWORD=<at least 12 characters>
                        """);
            }
            action.append("""
                    Or, to try Pantau on a built-in development database, start it with
                        --spring.profiles.active=dev""");
            throw new MissingSettingsException("Pantau needs its production settings", missing, action.toString());
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new MissingSettingsException("Pantau only runs on PostgreSQL", List.of("PANTAU_DB_URL"),
                    "Set PANTAU_DB_URL to a PostgreSQL JDBC URL such as jdbc:postgresql://db.example:5432/pantau (it is now '"
                            + url + "').");
        }
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
