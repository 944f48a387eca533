package dev.jdbcdynamo.driver.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The recorded conformance cases through the server's ExecuteStatement door, judged by the
 * driver's runner (its comparator and known-failure list), as issue 20 item 3 asks.
 */
class HttpConformanceTest {
    /** The cases of the driver's test resources, read from the source tree (a test-jar holds no directory). */
    private static final Path CASES = Path.of("..", "driver", "src", "test", "resources", "conformance", "cases");

    @Test
    void theCasesThroughHttp() throws Exception {
        List<ConformanceCase> cases = CaseLoader.loadAll(CASES);
        assertThat(cases).isNotEmpty();
        List<String> unexpected = new ArrayList<>();
        try (ConformanceSuite suite = ConformanceSuite.withCheckedInLists(new HttpDoor())) {
            for (ConformanceCase c : cases) {
                ConformanceSuite.Verdict verdict = suite.run(c);
                if (verdict.unexpected()) {
                    unexpected.add(verdict.name() + " " + verdict.status() + ": " + verdict.detail());
                }
            }
            System.out.println(suite.summary());
        }
        unexpected.forEach(line -> System.out.println(line.length() > 600 ? line.substring(0, 600) + " ..." : line));
        assertThat(unexpected).isEmpty();
    }
}
