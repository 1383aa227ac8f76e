package io.github.dvcmaven.core.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core's layering: no Maven API anywhere, and no cycles among the internal packages. The
 * {@code api} package is left out of the cycle check on purpose: it is the facade that calls the
 * internals and holds the value types (options, results, exceptions, the listener) they produce, as
 * Jib's {@code api} package is.
 */
class CoreArchitectureTest {
    private static final String API = "io.github.dvcmaven.core.api..";
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.github.dvcmaven.core");
    }

    @Test
    void theCoreNeverSeesMavensApi() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.maven..", "org.codehaus.plexus..", "org.eclipse.aether..")
                .check(core);
    }

    @Test
    void theInternalPackagesFormNoCycle() {
        slices().matching("io.github.dvcmaven.core.(*)..")
                .namingSlices("$1")
                .should()
                .beFreeOfCycles()
                .ignoreDependency(alwaysTrue(), resideInAPackage(API))
                .ignoreDependency(resideInAPackage(API), alwaysTrue())
                .check(core);
    }
}
