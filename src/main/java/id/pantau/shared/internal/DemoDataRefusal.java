package id.pantau.shared.internal;

import java.util.List;

import id.pantau.shared.MissingSettingsException;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Production refuses {@code PANTAU_DEMO=true}: synthetic reports, people and scores must never mix
 * with real ones. A bean factory post-processor, so the start stops before anything (the database
 * included) is touched, with the one-message failure of a bad setting.
 */
@Component
@Profile("!dev")
@ConditionalOnBooleanProperty("pantau.demo")
class DemoDataRefusal implements BeanFactoryPostProcessor {

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        throw MissingSettingsException.refused("PANTAU_DEMO=true loads synthetic demo data, which is never for production",
                List.of("PANTAU_DEMO"), """
                        Remove PANTAU_DEMO (or set it to false) for a production instance. To try Pantau with the
                        demo data, start the development instance, which keeps its own database under ./data:
                            PANTAU_DEMO=true ./mvnw spring-boot:run""");
    }
}
