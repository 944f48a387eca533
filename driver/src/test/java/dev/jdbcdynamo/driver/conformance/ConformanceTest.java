package dev.jdbcdynamo.driver.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every recorded DynamoDB case of the test resources, one dynamic test each, through {@code language=partiql}. */
class ConformanceTest {
    private static ConformanceSuite suite;

    @BeforeAll
    static void open() throws Exception {
        suite = new ConformanceSuite(ConformanceSuite.defaultUrl());
    }

    @AfterAll
    static void close() throws Exception {
        if (suite != null) {
            System.out.println("Conformance: " + suite.notes());
            System.out.println(suite.summary(true));
            suite.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> cases() {
        // The repository's own cases: a missing folder fails in resourceDirectory(), an empty one here.
        List<ConformanceCase> cases = CaseLoader.loadAll(CaseLoader.resourceDirectory());
        assertThat(cases).as("conformance cases of the test resources").isNotEmpty();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            ConformanceSuite.Verdict verdict = suite.run(c);
            switch (verdict.status()) {
                case SKIPPED:
                    Assumptions.abort(c.name() + ": " + verdict.detail());
                    break;
                case FAILED:
                    fail(c.name() + ": " + verdict.detail());
                    break;
                default:
                    break;
            }
        }));
    }
}
