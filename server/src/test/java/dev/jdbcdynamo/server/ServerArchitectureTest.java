package dev.jdbcdynamo.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server is a front end beside the JDBC driver: it reaches storage only through the engine's
 * API, never through the driver or JDBC, and the engine knows nothing of it.
 */
class ServerArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.jdbcdynamo");
    }

    @Test
    void theServerUsesTheEngineNotTheDriverNorJdbc() {
        noClasses().that().resideInAPackage("dev.jdbcdynamo.server..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.jdbcdynamo.driver..", "dev.jdbcdynamo.api..",
                        "java.sql..", "dev.jdbcdynamo.engine.storage..", "dev.jdbcdynamo.engine.exec..",
                        "dev.jdbcdynamo.engine.tx..")
                .check(classes);
    }

    @Test
    void nothingBelowDependsOnTheServer() {
        noClasses().that().resideOutsideOfPackage("dev.jdbcdynamo.server..")
                .should().dependOnClassesThat().resideInAPackage("dev.jdbcdynamo.server..")
                .check(classes);
    }
}
