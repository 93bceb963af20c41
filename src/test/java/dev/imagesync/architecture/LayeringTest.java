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
                .layer("cli").definedBy("dev.imagesync.cli..")
                .layer("app").definedBy("dev.imagesync.app..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayOnlyBeAccessedByLayers("app")
                .whereLayer("job").mayOnlyBeAccessedByLayers("cli", "app")
                .whereLayer("catalog").mayOnlyBeAccessedByLayers("job", "cli", "app")
                .whereLayer("registry").mayOnlyBeAccessedByLayers("job", "cli", "app")
                .whereLayer("etcd").mayOnlyBeAccessedByLayers("catalog", "job", "cli", "app")
                .whereLayer("jdbc").mayOnlyBeAccessedByLayers("job", "cli", "app")
                .whereLayer("image").mayOnlyBeAccessedByLayers("registry", "etcd", "jdbc", "catalog", "job", "cli", "app")
                .withOptionalLayers(true)
                .check(classes);
    }

    @Test
    void subpackages_haveNoCycles() {
        slices().matching("dev.imagesync.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** Jobs share code only through {@code job.imports}, the support package of the file import jobs. */
    @Test
    void jobs_doNotDependOnEachOther() {
        slices().matching("dev.imagesync.job.(*)..").should().notDependOnEachOther()
                .ignoreDependency(DescribedPredicate.alwaysTrue(), resideInAPackage("dev.imagesync.job.imports.."))
                .check(classes);
    }
}
