package dev.jdbcdynamo.driver.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs a directory of conformance cases through every door from the command line and exits with 1 when a case failed unexpectedly. */
public final class ConformanceMain {
    // Standard output, per door: the line "conformance <door>: N passed, N failed, N skipped, ..."
    // then one line per case that did not simply pass. Differing error messages (not failures) and
    // what is not compared go to standard error.

    private ConformanceMain() {
    }

    /**
     * Arguments: the cases directory (default: the cases copied into the test resources) and a
     * JDBC URL for both doors (default: an in-memory database per door).
     */
    public static void main(String[] args) throws Exception {
        Path directory = args.length > 0 && !args[0].isBlank() ? Path.of(args[0]) : CaseLoader.resourceDirectory();
        String url = args.length > 1 && !args[1].isBlank() ? args[1] : null;
        if (!Files.isDirectory(directory)) {
            System.err.println("Not a directory of conformance cases: " + directory);
            System.exit(2);
        }
        List<ConformanceCase> cases = CaseLoader.loadAll(directory);
        List<Door> doors = url == null ? JdbcDoor.all() : List.of(JdbcDoor.open("partiql", url), JdbcDoor.open("sql", url));
        long unexpected = 0;
        for (Door door : doors) {
            try (ConformanceSuite suite = ConformanceSuite.withCheckedInLists(door)) {
                for (ConformanceCase c : cases) {
                    ConformanceSuite.Verdict verdict = suite.run(c);
                    unexpected += verdict.unexpected() ? 1 : 0;
                    for (String message : verdict.messageMismatches()) {
                        System.err.println("message [" + door.name() + "] " + verdict.name() + " " + message);
                    }
                }
                System.err.println(suite.notes());
                System.out.println(suite.summary());
                suite.details().forEach(System.out::println);
            }
        }
        System.out.flush();
        // The embedded MariaDB's threads would keep the JVM alive; the exit code says whether all went as expected.
        System.exit(unexpected > 0 ? 1 : 0);
    }
}
