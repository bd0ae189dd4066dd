package id.pantau.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the application under test at the per-JVM {@link TestDatabase} and sets test credentials. */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";
    public static final String SMS_SECRET = "test-gateway-secret";
    /** A fixed test key: 32 bytes, base64. */
    public static final String DATA_KEY = "dGVzdC1kYXRhLWtleS0zMi1ieXRlcy1sb25nLXh4eHg=";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase database = TestDatabase.get();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("pantau-test", Map.ofEntries(
                Map.entry("pantau.db.url", database.url()),
                Map.entry("pantau.db.user", database.user()),
                Map.entry("pantau.db.password", database.password()),
                Map.entry("pantau.bootstrap.admin.username", ADMIN_USERNAME),
                Map.entry("pantau.bootstrap.admin.password", ADMIN_PASSWORD),
                Map.entry("pantau.data-key", DATA_KEY),
                Map.entry("pantau.sms.webhook-secret", SMS_SECRET),
                Map.entry("pantau.evidence.directory", "target/evidence"),
                Map.entry("pantau.reports.processing-delay", "PT0.1S"),
                Map.entry("server.servlet.session.cookie.secure", "false"),
                // Tomcat's work folder under target/, not left behind in the system temp directory
                Map.entry("server.tomcat.basedir", "target/tomcat"),
                // tests stand for many clients by sending X-Forwarded-For from localhost, a trusted proxy
                // (see Clients); requests without it all come from 127.0.0.1
                Map.entry("server.forward-headers-strategy", "native"),
                // ... which would couple unrelated tests through the per-address sign-in limit
                // (the per-address rule has its own test, LoginThrottleTest)
                Map.entry("pantau.login-throttle.failures-per-address", "100000"))));
    }
}
