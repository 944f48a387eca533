package dev.jdbcdynamo.driver;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The modules' arrows point one way: driver -> engine -> {planner, sharding-rules}, embedded ->
 * engine; no cycle between modules nor between the driver's packages, which layer as driver ->
 * jdbc -> {admin, metadata} -> resultset -> error; the driver's own classes never touch the
 * embedded MariaDB (it comes through the engine's ServiceLoader SPI).
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.jdbcdynamo");
    }

    @Test
    void noCycleBetweenModules() {
        slices().matching("dev.jdbcdynamo.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noCycleBetweenTheDriversPackages() {
        slices().matching("dev.jdbcdynamo.(**)").should().beFreeOfCycles()
                .check(classes.that(DescribedPredicate.describe("in the driver or its API",
                        c -> c.getPackageName().startsWith("dev.jdbcdynamo.driver")
                                || c.getPackageName().startsWith("dev.jdbcdynamo.api"))));
    }

    @Test
    void theDriversPackagesLayerDownwards() {
        String[] aboveJdbc = {"dev.jdbcdynamo.driver", "dev.jdbcdynamo.driver.jdbc.."};
        noClasses().that().resideInAnyPackage("dev.jdbcdynamo.driver.admin..", "dev.jdbcdynamo.driver.metadata..",
                        "dev.jdbcdynamo.driver.resultset..", "dev.jdbcdynamo.driver.error..",
                        "dev.jdbcdynamo.driver.config..", "dev.jdbcdynamo.driver.sqlext..", "dev.jdbcdynamo.api..")
                .should().dependOnClassesThat().resideInAnyPackage(aboveJdbc)
                .because("JDBC objects (driver.jdbc) build result sets and metadata, never the other way")
                .check(classes);
        noClasses().that().resideInAnyPackage("dev.jdbcdynamo.driver.resultset..", "dev.jdbcdynamo.driver.error..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.jdbcdynamo.driver.admin..",
                        "dev.jdbcdynamo.driver.metadata..")
                .because("result sets and errors are the bottom the rest of the driver builds on")
                .check(classes);
        noClasses().that().resideInAPackage("dev.jdbcdynamo.driver.error..")
                .should().dependOnClassesThat().resideInAPackage("dev.jdbcdynamo.driver.resultset..")
                .check(classes);
    }

    @Test
    void theEngineNeverDependsOnTheDriver() {
        noClasses().that().resideInAPackage("dev.jdbcdynamo.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.jdbcdynamo.driver..", "dev.jdbcdynamo.api..",
                        "dev.jdbcdynamo.embedded..")
                .check(classes);
    }

    @Test
    void theDriverLeavesTheEmbeddedServerToTheEngine() {
        noClasses().that().resideInAnyPackage("dev.jdbcdynamo.driver..", "dev.jdbcdynamo.api..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.jdbcdynamo.embedded..", "ch.vorburger..")
                .check(classes);
    }

    @Test
    void theEmbeddedServerOnlyImplementsTheEnginesSpi() {
        noClasses().that().resideInAPackage("dev.jdbcdynamo.embedded..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.jdbcdynamo.driver..", "dev.jdbcdynamo.api..",
                        "dev.jdbcdynamo.engine", "dev.jdbcdynamo.engine.storage..", "dev.jdbcdynamo.engine.exec..",
                        "dev.jdbcdynamo.engine.tx..")
                .check(classes);
    }

    @Test
    void plannerAndShardingRulesStayBelowTheEngine() {
        noClasses().that().resideInAnyPackage("dev.jdbcdynamo.planner..", "dev.jdbcdynamo.sharding..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.jdbcdynamo.engine..", "dev.jdbcdynamo.driver..",
                        "dev.jdbcdynamo.api..", "dev.jdbcdynamo.embedded..")
                .check(classes);
    }
}
