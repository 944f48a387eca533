package dev.jdbcdynamo.planner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The planner's packages layer without a cycle (the binder in {@code plan} on Calcite's rules in
 * {@code calcite}, both on the access paths in {@code path}), and the planner does no I/O of the
 * engine's kind: no JDBC, no ShardingSphere.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.jdbcdynamo.planner");
    }

    @Test
    void noCycleBetweenThePlannersPackages() {
        slices().matching("dev.jdbcdynamo.planner.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void thePlannerKnowsNoJdbcNorShardingSphere() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..",
                        "org.apache.shardingsphere..", "dev.jdbcdynamo.engine..", "dev.jdbcdynamo.driver..")
                .check(classes);
    }
}
