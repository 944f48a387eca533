package dev.jdbcdynamo.driver.conformance;

/**
 * A way into the driver that a conformance case can be run through: a JDBC language today, the HTTP
 * server's ExecuteStatement later. Each door keeps one database for all the cases it runs.
 */
interface Door extends AutoCloseable {
    /** The door's short name, as printed in the runner's counts ({@code partiql}, {@code sql}). */
    String name();

    /**
     * Runs one case from empty tables and returns its output lines, or why it was skipped or could
     * not be set up; throws only when the door itself is broken (no connection).
     */
    CaseRunner.Output run(ConformanceCase c) throws Exception;

    @Override
    void close() throws Exception;
}
