package io.github.dvcmaven.plugin;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The Mojos, the extension and the report reach the core through its {@code api} package only. */
class PluginArchitectureTest {
    @Test
    void thePluginUsesOnlyTheCoresApi() {
        JavaClasses plugin = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.github.dvcmaven.plugin");
        noClasses()
                .should()
                .dependOnClassesThat(resideInAPackage("io.github.dvcmaven.core..")
                        .and(resideOutsideOfPackage("io.github.dvcmaven.core.api..")))
                .check(plugin);
    }
}
