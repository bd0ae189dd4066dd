package id.pantau;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Pantau: participatory election supervision. A modular monolith; each top-level package is a
 * module whose own top-level types are its public API (see ModularityTests).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(systemName = "Pantau", sharedModules = "shared")
public class PantauApplication {

    public static void main(String[] args) {
        SpringApplication.run(PantauApplication.class, args);
    }
}
