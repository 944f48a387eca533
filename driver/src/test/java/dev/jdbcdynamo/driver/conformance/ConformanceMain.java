package dev.jdbcdynamo.driver.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs a directory of conformance cases from the command line and exits with 1 when any case failed. */
public final class ConformanceMain {
    // Standard output: one line per failing case with its differences, then exactly
    // "N passed, N failed" (", N skipped" when any). Differing error messages (not failures) and
    // what is not compared go to standard error.

    private ConformanceMain() {
    }

    /**
     * Arguments: the cases directory (default: the cases copied into the test resources) and a
     * JDBC URL (default {@code jdbc:dynamo:mem:conformance?language=partiql}).
     */
    public static void main(String[] args) throws Exception {
        Path directory = args.length > 0 && !args[0].isBlank() ? Path.of(args[0]) : CaseLoader.resourceDirectory();
        String url = args.length > 1 && !args[1].isBlank() ? args[1] : ConformanceSuite.defaultUrl();
        if (!Files.isDirectory(directory)) {
            System.err.println("Not a directory of conformance cases: " + directory);
            System.exit(2);
        }
        List<ConformanceCase> cases = CaseLoader.loadAll(directory);
        long failed;
        String summary;
        try (ConformanceSuite suite = new ConformanceSuite(url)) {
            for (ConformanceCase c : cases) {
                ConformanceSuite.Verdict verdict = suite.run(c);
                if (verdict.status() == ConformanceSuite.Status.FAILED) {
                    System.out.println("FAIL " + verdict.name() + ": " + verdict.detail());
                }
                for (String message : verdict.messageMismatches()) {
                    System.err.println("message " + verdict.name() + " " + message);
                }
            }
            failed = suite.count(ConformanceSuite.Status.FAILED);
            summary = suite.summary(false);
            System.err.println(suite.notes());
        }
        System.out.println(summary);
        System.out.flush();
        // The embedded MariaDB's threads would keep the JVM alive; the exit code says whether all passed.
        System.exit(failed > 0 ? 1 : 0);
    }
}
