package id.pantau.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the application under test at the per-JVM {@link TestDatabase} and sets test credentials. */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase database = TestDatabase.get();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("pantau-test", Map.of(
                "pantau.db.url", database.url(),
                "pantau.db.user", database.user(),
                "pantau.db.password", database.password(),
                "pantau.bootstrap.admin.username", ADMIN_USERNAME,
                "pantau.bootstrap.admin.password", ADMIN_PASSWORD,
                "server.servlet.session.cookie.secure", "false",
                // Tomcat's work folder under target/, not left behind in the system temp directory
                "server.tomcat.basedir", "target/tomcat",
                // every test client comes from 127.0.0.1: a per-address limit would couple unrelated tests
                // (the per-address rule has its own test, LoginThrottleTest)
                "pantau.login-throttle.failures-per-address", "100000")));
    }
}
