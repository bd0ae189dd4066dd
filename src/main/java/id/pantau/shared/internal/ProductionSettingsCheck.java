package id.pantau.shared.internal;

import java.util.List;

import id.pantau.shared.MissingSettingsException;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks the production settings once the environment is complete and before any bean is made:
 * beans that need a setting (the data source, the personal-data cipher) would otherwise each stop
 * the start on their own, and an operator would learn of one missing setting per attempt.
 * Production also refuses {@code PANTAU_DEMO=true}: synthetic reports, people and scores must
 * never mix with real ones. Registered in {@code META-INF/spring.factories}; the dev profile
 * brings its own settings.
 */
class ProductionSettingsCheck implements ApplicationListener<ApplicationPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        ConfigurableEnvironment environment = event.getApplicationContext().getEnvironment();
        if (environment.matchesProfiles("dev")) {
            return;
        }
        if (environment.getProperty("pantau.demo", Boolean.class, false)) {
            // first: with the demo flag the operator meant the development instance, not these settings
            throw MissingSettingsException.refused("PANTAU_DEMO=true loads synthetic demo data, which is never for production",
                    List.of("PANTAU_DEMO"), """
                            Remove PANTAU_DEMO (or set it to false) for a production instance. To try Pantau with the
                            demo data, start the development instance, which keeps its own database under ./data:
                                PANTAU_DEMO=true ./mvnw spring-boot:run""");
        }
        new DatabaseSettings(environment.getProperty("pantau.db.url"), environment.getProperty("pantau.db.user"),
                environment.getProperty("pantau.db.password")).requireComplete(environment);
    }
}
