package dev.jdbcdynamo.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/**
 * Run in a new JVM by the harness: connects to the benchmark's shards and times the first
 * {@code prepareStatement} of the JVM, printing {@value #PREFIX}nanoseconds.
 */
public final class FirstPlanProbe {
    static final String PREFIX = "first-plan-nanos=";

    private FirstPlanProbe() {
    }

    /** Arguments: the jdbc:dynamo URL, the statement text. */
    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0])) {
            long before = System.nanoTime();
            PreparedStatement ps = c.prepareStatement(args[1]);
            long nanos = System.nanoTime() - before;
            ps.close();
            System.out.println(PREFIX + nanos);
        }
        System.exit(0);
    }
}
