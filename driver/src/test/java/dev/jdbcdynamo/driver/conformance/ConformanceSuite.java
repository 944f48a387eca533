package dev.jdbcdynamo.driver.conformance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Runs conformance cases against one database, each case from empty tables, and keeps the tally.
 *
 * <p>All cases share the URL's database (a {@code jdbc:dynamo:mem:} URL gets 2 shards unless it
 * says otherwise) and drop and re-create their tables. Measured on the recorded cases, this takes
 * about half the time of a fresh in-memory database per case: a new database costs its shard
 * schemas, its catalog and its ShardingSphere DataSource, on top of the tables. A connection stays
 * open for the whole run, so an in-memory database and its embedded MariaDB start once.
 */
final class ConformanceSuite implements AutoCloseable {
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
        this.url = withShards(url);
        this.keeper = DriverManager.getConnection(this.url, withLanguage(new Properties()));
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

    private CaseRunner.ConnectionFactory connectionsFor() {
        return properties -> DriverManager.getConnection(url, withLanguage(properties));
    }

    /** A {@code mem:} URL that does not choose its shards gets 2: enough to spread a scan, cheaper to set up. */
    private static String withShards(String url) {
        if (!url.startsWith(MEM) || url.matches("(?i)[^?]*\\?(.*&)?shards=.*")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "shards=2";
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
