package dev.jdbcdynamo.driver.conformance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** A conformance door through JDBC with one {@code language} ({@code partiql} or {@code sql}), on a database of its own. */
final class JdbcDoor implements Door {
    // A case's table is created on first use and emptied (its items deleted by key) when a later
    // case defines it the same way; otherwise it is dropped and re-created. Measured on the
    // recorded cases: a fresh in-memory database per case took about twice as long, and each
    // CREATE or DROP costs a few hundred milliseconds (it rebuilds the ShardingSphere routing),
    // many times what emptying a table costs. A connection stays open for the whole run, so the
    // database and its embedded MariaDB start once.

    private static final String MEM = "jdbc:dynamo:mem:";

    private final String language;
    private final String url;
    private final Connection keeper;
    /** The tables the cases created in the database, with their CREATE TABLE text. */
    private final Map<String, String> created = new HashMap<>();

    private JdbcDoor(String language, String url) throws SQLException {
        this.language = language;
        this.url = withShards(url);
        this.keeper = DriverManager.getConnection(this.url, properties(new Properties()));
    }

    /** The doors of the JDBC driver, each on an in-memory database of its own named after the door. */
    static List<Door> all() throws SQLException {
        return List.of(open("partiql"), open("sql"));
    }

    /** The door of one language on {@code jdbc:dynamo:mem:conformance_<language>}. */
    static JdbcDoor open(String language) throws SQLException {
        return new JdbcDoor(language, MEM + "conformance_" + language);
    }

    /** The door of one language on a database of the caller's choosing. */
    static JdbcDoor open(String language, String url) throws SQLException {
        return new JdbcDoor(language, url);
    }

    @Override
    public String name() {
        return language;
    }

    @Override
    public CaseRunner.Output run(ConformanceCase c) throws SQLException {
        return new CaseRunner(p -> DriverManager.getConnection(url, properties(p)), created).run(c);
    }

    /** A {@code mem:} URL that does not choose its shards gets 2: enough to spread a scan, cheaper to set up. */
    private static String withShards(String url) {
        if (!url.startsWith(MEM) || url.matches("(?i)[^?]*\\?(.*&)?shards=.*")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "shards=2";
    }

    /** The door's language on top of the given properties; GSIs read your writes. */
    private Properties properties(Properties given) {
        Properties p = new Properties();
        p.putAll(given);
        p.setProperty("language", language);
        // DynamoDB Local, which recorded the cases, updates global indexes before it answers a write.
        p.putIfAbsent("gsiReadYourWrites", "true");
        return p;
    }

    @Override
    public void close() throws SQLException {
        keeper.close();
    }
}
