package dev.jdbcdynamo.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdbcdynamo.planner.value.AttributeValue;
import java.io.File;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Scans stream their rows shard by shard: memory is bounded by the fetch size, not the table. */
class StreamingScanTest {
    private static final int BIG = 200_000;

    @Test
    void scanOf200000ItemsCompletesIn128MegabyteHeap() throws Exception {
        int shards = 4;
        try (Connection c = DriverManager.getConnection(TestServer.memUrl("bigscan", shards));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE big (id STRING PARTITION KEY)");
            // About 500 bytes per item: 100 MB of item text, several times the child's heap once
            // held as items.
            String filler = "x".repeat(440);
            BulkItems.load(c, "big", BIG, i -> {
                Map<String, AttributeValue> item = new LinkedHashMap<>();
                item.put("id", new AttributeValue.S("item-" + i));
                item.put("n", new AttributeValue.N(BigDecimal.valueOf(i)));
                item.put("payload", new AttributeValue.S(filler + i));
                return item;
            });
            String server = TestServer.lease().jdbcUrl("mysql").replace("jdbc:mysql://", "").replace("/mysql", "");
            StringJoiner url = new StringJoiner(",", "jdbc:dynamo:mysql://", "?user=" + TestServer.lease().user());
            for (int i = 0; i < shards; i++) {
                url.add(server + "/dynamo_mem_bigscan_" + i);
            }
            Process child = new ProcessBuilder(javaBin(), "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                    ScanMain.class.getName(), url.toString(), "big", "1000").redirectErrorStream(true).start();
            byte[] out = child.getInputStream().readAllBytes();
            assertThat(child.waitFor(180, TimeUnit.SECONDS)).isTrue();
            String output = new String(out, StandardCharsets.UTF_8);
            System.out.println(output.lines().filter(l -> l.startsWith("scanned")).findFirst().orElse(output));
            assertThat(child.exitValue()).as(output).isZero();
            long expectedSum = (long) BIG * (BIG - 1) / 2;
            assertThat(output).contains("scanned " + BIG + " " + expectedSum + " ");
        }
    }

    @Test
    void scansReleaseTheirShardConnectionsAndLetTheConnectionWork() throws Exception {
        String url = TestServer.memUrl("streamsmall", 2) + "&poolSize=2";
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (k STRING PARTITION KEY)");
            for (int i = 0; i < 7; i++) {
                s.executeUpdate("INSERT INTO t VALUE {'k': 'k" + i + "', 'v': " + i + ", 'extra" + i + "': true}");
            }
            // Closed after one row, far more often than the pool has connections.
            for (int i = 0; i < 10; i++) {
                Statement scan = c.createStatement();
                scan.setFetchSize(2);
                ResultSet rs = scan.executeQuery("SELECT * FROM t");
                assertThat(rs.next()).isTrue();
                rs.close();
                scan.close();
            }
            // Other statements run on the same connection while a scan is open.
            List<String> seen = new ArrayList<>();
            try (Statement scan = c.createStatement()) {
                scan.setFetchSize(2);
                try (ResultSet rs = scan.executeQuery("SELECT * FROM t WHERE v >= 1")) {
                    assertThat(rs.isBeforeFirst()).isTrue();
                    while (rs.next()) {
                        String k = rs.getString("k");
                        seen.add(k);
                        assertThat(rs.getString("item_json")).contains("\"extra");
                        s.executeUpdate("UPDATE t SET seen = true WHERE k = '" + k + "'");
                        if (seen.size() == 6) {
                            assertThat(rs.isLast()).isTrue();
                        }
                    }
                    assertThat(rs.isAfterLast()).isTrue();
                }
            }
            assertThat(seen).hasSize(6).doesNotContain("k0");
            try (ResultSet rs = s.executeQuery("SELECT k FROM t WHERE seen = true")) {
                int n = 0;
                while (rs.next()) {
                    n++;
                }
                assertThat(n).isEqualTo(6);
            }
            s.setMaxRows(3);
            try (ResultSet rs = s.executeQuery("SELECT * FROM t")) {
                int n = 0;
                while (rs.next()) {
                    n++;
                }
                assertThat(n).isEqualTo(3);
            }
            // A connection closed with a scan open gives its shard connection back (the pool has two
            // per shard; this session's routed connection holds one).
            for (int i = 0; i < 3; i++) {
                Connection other = DriverManager.getConnection(url);
                Statement o = other.createStatement();
                o.setFetchSize(1);
                assertThat(o.executeQuery("SELECT * FROM t").next()).isTrue();
                other.close();
            }
        }
    }

    private static String javaBin() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
