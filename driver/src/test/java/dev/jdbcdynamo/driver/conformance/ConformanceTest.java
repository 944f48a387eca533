package dev.jdbcdynamo.driver.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every recorded DynamoDB case of the test resources (hand-written and generated) through every door
 * of the driver ({@code language=partiql} and {@code language=sql}), one dynamic test per case and door.
 * A case in the known-failure list must fail; any other case must pass.
 */
class ConformanceTest {
    private static List<ConformanceCase> cases;
    private static final List<ConformanceSuite> suites = new ArrayList<>();

    @BeforeAll
    static void open() throws Exception {
        // The repository's own cases: a missing folder fails in resourceDirectory(), an empty one here.
        cases = CaseLoader.loadAll(CaseLoader.resourceDirectory());
        assertThat(cases).as("conformance cases of the test resources").isNotEmpty();
        for (Door door : JdbcDoor.all()) {
            suites.add(ConformanceSuite.withCheckedInLists(door));
        }
    }

    @AfterAll
    static void close() throws Exception {
        for (ConformanceSuite suite : suites) {
            System.out.println(suite.summary());
            System.out.println("  " + suite.notes());
            suite.details().forEach(line -> System.out.println(line.length() > 600 ? line.substring(0, 600) + " ..." : line));
            suite.close();
        }
    }

    @TestFactory
    Stream<DynamicContainer> cases() {
        return suites.stream().map(suite -> DynamicContainer.dynamicContainer(suite.door().name(),
                cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(suite.run(c))))));
    }

    private static void check(ConformanceSuite.Verdict verdict) {
        switch (verdict.status()) {
            case FAILED -> fail(verdict.name() + ": " + verdict.detail());
            case UNEXPECTED_PASS -> fail(verdict.name() + ": " + verdict.detail());
            case KNOWN_FAILURE -> Assumptions.abort("known failure: " + verdict.detail());
            case DOCUMENTED_DIFFERENCE -> Assumptions.abort("documented difference: " + verdict.detail());
            case LOCAL_DEVIATION -> Assumptions.abort("differs where DynamoDB Local is believed wrong: " + verdict.detail());
            case SKIPPED -> Assumptions.abort(verdict.detail());
            case PASSED -> {
            }
        }
    }

    @Test
    void everyListedCaseExists() {
        List<String> ids = cases.stream().map(ConformanceCase::name).toList();
        assertThat(ExpectedFailures.resource(ConformanceSuite.KNOWN_FAILURES, false).unknownIds(ids)).isEmpty();
        assertThat(ExpectedFailures.resource(ConformanceSuite.SQL_DIFFERENCES, true).unknownIds(ids)).isEmpty();
    }
}
