package dev.jdbcdynamo.driver.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jdbcdynamo.driver.conformance.ConformanceSuite.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the suite judges a door's answers against the recording and the expected-failure lists (no database). */
class ConformanceSuiteTest {
    private static final String RIGHT = "{\"items\":[],\"order\":\"sorted\",\"step\":1}";
    private static final String WRONG = "{\"error\":\"ValidationException\",\"message\":\"no\",\"step\":1}";

    /** A door that answers every case with one fixed line. */
    private record FixedDoor(String name, String line) implements Door {
        @Override
        public CaseRunner.Output run(ConformanceCase c) {
            return new CaseRunner.Output(List.of(line), null, null);
        }

        @Override
        public void close() {
        }
    }

    private static ConformanceCase recorded(String name, String deviation) {
        return new ConformanceCase(name, "", deviation, List.of(), List.of(), Map.of(), Map.of(), List.of(), List.of(),
                List.of(RIGHT));
    }

    private static ConformanceSuite suite(String door, String line) {
        ExpectedFailures known = ExpectedFailures.parse("known", false, "# comment\nx/listed a known bug\n");
        ExpectedFailures documented = ExpectedFailures.parse("sql", true, "sql:x/by_design SQL answers it\n");
        return new ConformanceSuite(new FixedDoor(door, line), List.of(known, documented));
    }

    @Test
    void unlistedCasesMustPass() {
        assertThat(suite("partiql", RIGHT).run(recorded("x/plain", null)).status()).isEqualTo(Status.PASSED);
        ConformanceSuite.Verdict failed = suite("partiql", WRONG).run(recorded("x/plain", null));
        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.unexpected()).isTrue();
    }

    @Test
    void listedCasesMustFail() {
        assertThat(suite("partiql", WRONG).run(recorded("x/listed", null)).status()).isEqualTo(Status.KNOWN_FAILURE);
        ConformanceSuite.Verdict fixed = suite("partiql", RIGHT).run(recorded("x/listed", null));
        assertThat(fixed.status()).isEqualTo(Status.UNEXPECTED_PASS);
        assertThat(fixed.unexpected()).isTrue();
    }

    @Test
    void documentedDifferencesHoldForTheirDoorOnly() {
        assertThat(suite("sql", WRONG).run(recorded("x/by_design", null)).status()).isEqualTo(Status.DOCUMENTED_DIFFERENCE);
        assertThat(suite("partiql", WRONG).run(recorded("x/by_design", null)).status()).isEqualTo(Status.FAILED);
    }

    @Test
    void localDeviationsMayDiffer() {
        assertThat(suite("partiql", WRONG).run(recorded("x/odd", "Local is wrong")).status()).isEqualTo(Status.LOCAL_DEVIATION);
        assertThat(suite("partiql", RIGHT).run(recorded("x/odd", "Local is wrong")).status()).isEqualTo(Status.PASSED);
    }

    @Test
    void summaryCountsEachOutcome() {
        ConformanceSuite suite = suite("partiql", WRONG);
        suite.run(recorded("x/listed", null));
        suite.run(recorded("x/plain", null));
        assertThat(suite.summary()).startsWith("conformance partiql: 0 passed, 1 failed, 0 skipped, 1 known failures,");
    }

    @Test
    void aListNamingACaseTwiceIsRefused() {
        assertThatThrownBy(() -> ExpectedFailures.parse("known", false, "x/a one\nx/a two\n"))
                .hasMessageContaining("listed twice");
        assertThat(ExpectedFailures.parse("known", false, "x/a one\n").unknownIds(List.of("x/b"))).containsExactly("known: x/a");
    }
}
