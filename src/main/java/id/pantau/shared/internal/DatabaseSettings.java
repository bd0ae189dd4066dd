package id.pantau.shared.internal;

import java.util.ArrayList;
import java.util.List;

import id.pantau.shared.MissingSettingsException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The production database, from {@code PANTAU_DB_URL}, {@code PANTAU_DB_USER} and
 * {@code PANTAU_DB_PASSWORD} (Spring maps those environment variables onto these properties).
 * There are no defaults: a production instance must be told where its data lives.
 */
@ConfigurationProperties("pantau.db")
record DatabaseSettings(@Nullable String url, @Nullable String user, @Nullable String password) {

    void requireComplete() {
        List<String> missing = new ArrayList<>();
        if (isBlank(url)) {
            missing.add("PANTAU_DB_URL");
        }
        if (isBlank(user)) {
            missing.add("PANTAU_DB_USER");
        }
        if (isBlank(password)) {
            missing.add("PANTAU_DB_PASSWORD");
        }
        if (!missing.isEmpty()) {
            throw new MissingSettingsException("Pantau needs a PostgreSQL database", missing, """
                    Set the missing environment variables, for example
                        PANTAU_DB_URL=jdbc:postgresql://db.example:5432/pantau
                        PANTAU_DB_USER=pantau
                        PANTAU_DB_PASSWORD=<the password>
                    or, to try Pantau on a built-in development database, start it with
                        --spring.profiles.active=dev""");
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
