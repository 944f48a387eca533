package dev.jdbcdynamo.driver;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Run in a child JVM with a small heap by {@link StreamingScanTest}: scans a table with a fetch size
 * and prints the number of items, the sum of their {@code n} and the largest heap use it saw.
 */
public final class ScanMain {
    private ScanMain() {
    }

    public static void main(String[] args) throws Exception {
        int fetchSize = Integer.parseInt(args[2]);
        long count = 0;
        BigDecimal sum = BigDecimal.ZERO;
        long maxUsed = 0;
        Runtime rt = Runtime.getRuntime();
        try (Connection c = DriverManager.getConnection(args[0]); Statement s = c.createStatement()) {
            s.setFetchSize(fetchSize);
            try (ResultSet rs = s.executeQuery("SELECT * FROM " + args[1])) {
                while (rs.next()) {
                    count++;
                    sum = sum.add(rs.getBigDecimal("n"));
                    if (rs.getString("payload").isEmpty()) {
                        throw new AssertionError("empty payload");
                    }
                    if (count % 10_000 == 0) {
                        maxUsed = Math.max(maxUsed, rt.totalMemory() - rt.freeMemory());
                    }
                }
            }
        }
        System.out.println("scanned " + count + " " + sum.toPlainString() + " maxHeapUsedMb="
                + maxUsed / (1024 * 1024) + " maxHeapMb=" + rt.maxMemory() / (1024 * 1024));
        System.exit(0);
    }
}
