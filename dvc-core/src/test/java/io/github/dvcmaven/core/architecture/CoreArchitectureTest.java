package io.github.dvcmaven.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core's layering: {@code api} is the public surface and everything else lives under
 * {@code internal}; no Maven API anywhere; no cycles among the internal packages. The {@code api}
 * package is outside the cycle check on purpose: it is the facade that calls the internals and holds
 * the value types (options, results, exceptions, the listener) they produce, as Jib's {@code api} is.
 */
class CoreArchitectureTest {
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
        slices().matching("io.github.dvcmaven.core.internal.(*)..")
                .namingSlices("$1")
                .should()
                .beFreeOfCycles()
                .check(core);
    }

    @Test
    void everyPackageIsTheApiOrInternal() {
        classes()
                .should()
                .resideInAnyPackage("io.github.dvcmaven.core.api", "io.github.dvcmaven.core.internal..")
                .check(core);
    }
}
