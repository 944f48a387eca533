package dev.jdbcdynamo.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's place in the module graph: no cycle between modules nor between the engine's
 * packages; the engine never reaches up into the JDBC driver, its public API or the embedded
 * MariaDB; its API package is no JDBC front end and its public methods throw no SQLException.
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
    void noCycleBetweenTheEnginesPackages() {
        slices().matching("dev.jdbcdynamo.(**)").should().beFreeOfCycles()
                .check(classes.that(com.tngtech.archunit.base.DescribedPredicate.describe("in the engine",
                        c -> c.getPackageName().startsWith("dev.jdbcdynamo.engine"))));
    }

    @Test
    void theEngineNeverDependsOnTheDriverOrTheEmbeddedServer() {
        noClasses().that().resideInAPackage("dev.jdbcdynamo.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.jdbcdynamo.driver..", "dev.jdbcdynamo.api..",
                        "dev.jdbcdynamo.embedded..", "ch.vorburger..")
                .check(classes);
    }

    @Test
    void theEngineApiIsNoJdbcFrontEnd() {
        noClasses().that().resideInAPackage("dev.jdbcdynamo.engine")
                .should().dependOnClassesThat().belongToAnyOf(java.sql.Driver.class, java.sql.ResultSet.class,
                        java.sql.ResultSetMetaData.class, java.sql.DatabaseMetaData.class, java.sql.Statement.class,
                        java.sql.PreparedStatement.class)
                .because("the engine's API speaks DynamoDB (DynamoException), JDBC is the driver's")
                .check(classes);
        methods().that().arePublic().and().areDeclaredInClassesThat().resideInAPackage("dev.jdbcdynamo.engine")
                .and().areDeclaredInClassesThat().arePublic()
                .should().notDeclareThrowableOfType(java.sql.SQLException.class)
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
