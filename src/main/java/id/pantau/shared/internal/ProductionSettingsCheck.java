package id.pantau.shared.internal;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks the production settings once the environment is complete and before any bean is made:
 * beans that need a setting (the data source, the personal-data cipher) would otherwise each stop
 * the start on their own, and an operator would learn of one missing setting per attempt.
 * Registered in {@code META-INF/spring.factories}; the dev profile brings its own settings.
 */
class ProductionSettingsCheck implements ApplicationListener<ApplicationPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        ConfigurableEnvironment environment = event.getApplicationContext().getEnvironment();
        if (environment.matchesProfiles("dev")) {
            return;
        }
        new DatabaseSettings(environment.getProperty("pantau.db.url"), environment.getProperty("pantau.db.user"),
                environment.getProperty("pantau.db.password")).requireComplete(environment);
    }
}
