package dev.jdbcdynamo.driver.conformance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Runs conformance cases against one database, each case from empty tables, and keeps the tally. */
final class ConformanceSuite implements AutoCloseable {
    // All cases share the URL's database (a jdbc:dynamo:mem: URL gets 2 shards unless it says
    // otherwise). A case's table is created on first use and emptied (its items deleted by key)
    // when a later case defines it the same way; otherwise it is dropped and re-created. Measured
    // on the recorded cases: a fresh in-memory database per case took about twice as long as
    // dropping and re-creating the tables, and each CREATE or DROP costs a few hundred
    // milliseconds (it rebuilds the ShardingSphere routing), many times what emptying a fixture's
    // table costs. A connection stays open for the whole run, so the database and its embedded
    // MariaDB start once.

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
     */
    record Verdict(String name, Status status, String detail, List<String> messageMismatches) {
    }

    private final String url;
    private final Connection keeper;
    private final List<Verdict> verdicts = new ArrayList<>();
    /** The tables the cases created in the database, with their CREATE TABLE text. */
    private final Map<String, String> created = new HashMap<>();

    ConformanceSuite(String url) throws SQLException {
        this.url = withShards(url);
        this.keeper = DriverManager.getConnection(this.url, withLanguage(new Properties()));
    }

    /** The default URL: an in-memory database speaking DynamoDB's PartiQL. */
    static String defaultUrl() {
        return "jdbc:dynamo:mem:conformance?language=partiql";
    }

    /** Runs one case in the suite's database, compares its answers and counts the outcome. */
    synchronized Verdict run(ConformanceCase c) {
        Verdict verdict;
        try {
            CaseRunner.Output output = new CaseRunner(connectionsFor(), created).run(c);
            if (output.skipReason() != null) {
                verdict = new Verdict(c.name(), Status.SKIPPED, output.skipReason(), List.of());
            } else if (output.setupError() != null) {
                verdict = new Verdict(c.name(), Status.FAILED, output.setupError(), List.of());
            } else {
                ExpectedComparator.Result result = ExpectedComparator.compare(c.expected(), output.lines());
                verdict = new Verdict(c.name(), result.passed() ? Status.PASSED : Status.FAILED,
                        String.join(" | ", result.differences()), result.messageMismatches());
            }
        } catch (SQLException | RuntimeException e) {
            verdict = new Verdict(c.name(), Status.FAILED, "cannot run: " + CaseRunner.describe(e), List.of());
        }
        verdicts.add(verdict);
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

    /** The cases are DynamoDB's PartiQL: {@code language=partiql} unless the URL says otherwise; GSIs read your writes. */
    private static Properties withLanguage(Properties properties) {
        Properties p = new Properties();
        p.putAll(properties);
        p.putIfAbsent("language", "partiql");
        // DynamoDB Local, which recorded the cases, updates global indexes before it answers a write.
        p.putIfAbsent("gsiReadYourWrites", "true");
        return p;
    }

    synchronized long count(Status status) {
        return verdicts.stream().filter(v -> v.status() == status).count();
    }

    synchronized long messageMismatches() {
        return verdicts.stream().mapToLong(v -> v.messageMismatches().size()).sum();
    }

    /** {@code N passed, N failed}, then {@code , N skipped} when any was skipped or when asked to always say. */
    synchronized String summary(boolean alwaysSkipped) {
        long skipped = count(Status.SKIPPED);
        return count(Status.PASSED) + " passed, " + count(Status.FAILED) + " failed"
                + (skipped > 0 || alwaysSkipped ? ", " + skipped + " skipped" : "");
    }

    /** The notes that go with the summary: what is not compared, and how many messages differ. */
    synchronized String notes() {
        return messageMismatches() + " error message(s) differ from DynamoDB's with the right error code (not failures);"
                + " not compared: pages (a step's limit is not passed to the driver)";
    }

    @Override
    public void close() throws SQLException {
        keeper.close();
    }
}
