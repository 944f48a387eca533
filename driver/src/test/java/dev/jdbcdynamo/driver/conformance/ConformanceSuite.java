package dev.jdbcdynamo.driver.conformance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs conformance cases against one JDBC URL, each case from empty tables, and keeps the tally.
 *
 * <p>For a {@code jdbc:dynamo:mem:} URL every case gets its own in-memory database (the URL's
 * name with a case number, 2 shards unless the URL says otherwise), dropped when the case closes
 * its connections; a connection to the URL's own database stays open for the whole run so that
 * the embedded MariaDB is started once. Any other URL is shared by all cases, which drop and
 * re-create their tables.
 */
final class ConformanceSuite implements AutoCloseable {
    /** Database numbers unique in the JVM, so that two suites never share a case database. */
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String MEM = "jdbc:dynamo:mem:";

    /** A case's outcome. */
    enum Status {
        PASSED, FAILED, SKIPPED
    }

    /**
     * What happened to one case.
     *
     * @param detail the differences of a failed case, the reason of a skipped one, else empty
     * @param messageMismatches steps whose error message (not code) differs from DynamoDB's
     * @param millis how long the case took
     */
    record Verdict(String name, Status status, String detail, List<String> messageMismatches, long millis) {
    }

    private final String url;
    private final Connection keeper;
    private final List<Verdict> verdicts = new ArrayList<>();

    ConformanceSuite(String url) throws SQLException {
        this.url = url;
        this.keeper = DriverManager.getConnection(url, withLanguage(new Properties()));
    }

    /** The default URL: an in-memory database speaking DynamoDB's PartiQL. */
    static String defaultUrl() {
        return "jdbc:dynamo:mem:conformance?language=partiql";
    }

    Verdict run(ConformanceCase c) {
        long start = System.nanoTime();
        Verdict verdict;
        try {
            CaseRunner.Output output = new CaseRunner(connectionsFor()).run(c);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (output.skipReason() != null) {
                verdict = new Verdict(c.name(), Status.SKIPPED, output.skipReason(), List.of(), millis);
            } else if (output.setupError() != null) {
                verdict = new Verdict(c.name(), Status.FAILED, output.setupError(), List.of(), millis);
            } else {
                ExpectedComparator.Result result = ExpectedComparator.compare(c.expected(), output.lines());
                verdict = new Verdict(c.name(), result.passed() ? Status.PASSED : Status.FAILED,
                        String.join(" | ", result.differences()), result.messageMismatches(), millis);
            }
        } catch (SQLException | RuntimeException e) {
            verdict = new Verdict(c.name(), Status.FAILED, "cannot run: " + CaseRunner.describe(e), List.of(),
                    (System.nanoTime() - start) / 1_000_000);
        }
        synchronized (verdicts) {
            verdicts.add(verdict);
        }
        return verdict;
    }

    /** A fresh in-memory database for a mem: URL, the URL itself otherwise. */
    private CaseRunner.ConnectionFactory connectionsFor() {
        String caseUrl = url;
        if (url.startsWith(MEM)) {
            String rest = url.substring(MEM.length());
            int q = rest.indexOf('?');
            String name = q < 0 ? rest : rest.substring(0, q);
            String query = q < 0 ? "" : rest.substring(q + 1);
            String suffix = "_c" + DATABASES.incrementAndGet();
            String base = name.isEmpty() ? "conformance" : name;
            base = base.substring(0, Math.min(base.length(), 32 - suffix.length()));
            if (!query.matches("(?i)(.*&)?shards=.*")) {
                query = query.isEmpty() ? "shards=2" : query + "&shards=2";
            }
            caseUrl = MEM + base + suffix + "?" + query;
        }
        String target = caseUrl;
        return properties -> DriverManager.getConnection(target, withLanguage(properties));
    }

    /** The cases are DynamoDB's PartiQL: {@code language=partiql} unless the URL says otherwise. */
    private static Properties withLanguage(Properties properties) {
        Properties p = new Properties();
        p.putAll(properties);
        p.putIfAbsent("language", "partiql");
        return p;
    }

    long count(Status status) {
        synchronized (verdicts) {
            return verdicts.stream().filter(v -> v.status() == status).count();
        }
    }

    long messageMismatches() {
        synchronized (verdicts) {
            return verdicts.stream().mapToLong(v -> v.messageMismatches().size()).sum();
        }
    }

    List<Verdict> verdicts() {
        synchronized (verdicts) {
            return List.copyOf(verdicts);
        }
    }

    /** {@code N passed, N failed}, then {@code , N skipped} when any was skipped or when asked to always say. */
    String summary(boolean alwaysSkipped) {
        long skipped = count(Status.SKIPPED);
        return count(Status.PASSED) + " passed, " + count(Status.FAILED) + " failed"
                + (skipped > 0 || alwaysSkipped ? ", " + skipped + " skipped" : "");
    }

    /** The notes that go with the summary: what is not compared, and how many messages differ. */
    String notes() {
        return messageMismatches() + " error message(s) differ from DynamoDB's with the right error code (not failures);"
                + " not compared: pages (a step's limit is not passed to the driver); consistentRead is not passed either";
    }

    @Override
    public void close() throws SQLException {
        keeper.close();
    }
}
