package dev.imagesync.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Keeps the package dependency list of the README true. */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.imagesync");
    }

    @Test
    void layers_dependOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("image").definedBy("dev.imagesync.image..")
                .layer("registry").definedBy("dev.imagesync.registry..")
                .layer("etcd").definedBy("dev.imagesync.etcd..")
                .layer("jdbc").definedBy("dev.imagesync.jdbc..")
                .layer("catalog").definedBy("dev.imagesync.catalog..")
                .layer("job").definedBy("dev.imagesync.job..")
                .layer("serve").definedBy("dev.imagesync.serve..")
                .layer("cli").definedBy("dev.imagesync.cli..")
                .layer("app").definedBy("dev.imagesync.app..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayOnlyBeAccessedByLayers("app")
                .whereLayer("serve").mayOnlyBeAccessedByLayers("cli", "app")
                .whereLayer("job").mayOnlyBeAccessedByLayers("serve", "cli", "app")
                .whereLayer("catalog").mayOnlyBeAccessedByLayers("job", "serve", "cli", "app")
                .whereLayer("registry").mayOnlyBeAccessedByLayers("job", "serve", "cli", "app")
                .whereLayer("etcd").mayOnlyBeAccessedByLayers("catalog", "job", "serve", "cli", "app")
                .whereLayer("jdbc").mayOnlyBeAccessedByLayers("job", "serve", "cli", "app")
                .whereLayer("image").mayOnlyBeAccessedByLayers("registry", "etcd", "jdbc", "catalog", "job", "serve",
                        "cli", "app")
                .withOptionalLayers(true)
                .check(classes);
    }

    @Test
    void subpackages_haveNoCycles() {
        slices().matching("dev.imagesync.(*)..").should().beFreeOfCycles().check(classes);
    }

    /**
     * Jobs do not depend on each other. Two sub-packages of {@code job} are support, not jobs: {@code job.imports}
     * is what the file imports share, and {@code job.ops} (ownership, progress, metrics) looks at every job.
     */
    @Test
    void jobs_doNotDependOnEachOther() {
        slices().matching("dev.imagesync.job.(*)..").should().notDependOnEachOther()
                .ignoreDependency(DescribedPredicate.alwaysTrue(), resideInAPackage("dev.imagesync.job.imports.."))
                .ignoreDependency(resideInAPackage("dev.imagesync.job.ops.."), DescribedPredicate.alwaysTrue())
                .check(classes);
    }
}
