package id.pantau;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** The module boundaries of the modular monolith, checked on every build, and their documentation. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(PantauApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        MODULES.verify();
    }

    @Test
    void theExpectedModulesExist() {
        // guards the verification above against passing because nothing was found
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("shared", "region", "account");
    }

    @Test
    void writeDocumentation() {
        String folder = "target/spring-modulith-docs";
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder)).writeDocumentation();

        assertThat(Path.of(folder, "components.puml")).isNotEmptyFile();
    }
}
