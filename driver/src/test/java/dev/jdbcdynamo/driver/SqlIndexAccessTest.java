package dev.jdbcdynamo.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdbcdynamo.driver.jdbc.DynamoConnection;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SQL extensions read through a secondary index when a filter matches its key (a global index's
 * partition key, or the table's partition key plus a condition on a local index's sort key): the
 * rows equal those of the same statement forced to scan (the key column under TRIM, which Calcite
 * cannot push to a key) and those computed in Java over all items; EXPLAIN names the path.
 */
class SqlIndexAccessTest {
    private static final int SHARDS = 3;

    /** An item as the test generated it. */
    private record Item(String id, int part, String grp, int score, String tag) {
    }

    private static final List<Item> ITEMS = new ArrayList<>();
    private static Connection c;

    @BeforeAll
    static void load() throws Exception {
        c = DriverManager.getConnection(TestServer.memUrl("sqlindex", SHARDS));
        Random random = new Random(42);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE ix (id STRING PARTITION KEY, part NUMBER SORT KEY, grp STRING, score NUMBER,"
                    + " tag STRING, LOCAL INDEX \"ByScore\" (score) PROJECTION KEYS_ONLY,"
                    + " GLOBAL INDEX \"ByGrp\" (grp, score),"
                    + " GLOBAL INDEX \"ByTag\" (tag) PROJECTION KEYS_ONLY)");
            for (int i = 0; i < 40; i++) {
                for (int part = 0; part < 1 + random.nextInt(5); part++) {
                    Item item = new Item("i" + i, part, "g" + random.nextInt(6), random.nextInt(100),
                            "t" + random.nextInt(4));
                    ITEMS.add(item);
                    s.executeUpdate("INSERT INTO ix VALUE {'id': '" + item.id() + "', 'part': " + part
                            + ", 'grp': '" + item.grp() + "', 'score': " + item.score() + ", 'tag': '" + item.tag()
                            + "'}");
                }
            }
        }
        // Global indexes are eventually consistent (as in DynamoDB): wait until they hold every write.
        c.unwrap(DynamoConnection.class).database().globalIndexes().catchUp();
    }

    @AfterAll
    static void close() throws SQLException {
        c.close();
    }

    @Test
    void globalIndexPartitionKeyEquality() throws Exception {
        String keyed = "SELECT COUNT(*) AS n, SUM(score) AS total, MIN(id) AS first FROM ix WHERE grp = 'g2'";
        List<String> rows = rows(keyed);
        assertThat(rows).isEqualTo(rows(keyed.replace("WHERE grp", "WHERE TRIM(grp)")));
        List<Item> expected = matching(i -> i.grp().equals("g2"));
        assertThat(rows).containsExactly(expected.size() + "|"
                + expected.stream().mapToInt(Item::score).sum() + "|"
                + expected.stream().map(Item::id).sorted().findFirst().orElseThrow());
        assertThat(explain(keyed)).contains("IndexQuery | ix.ByGrp | grp = 'g2' |");
    }

    @Test
    void globalIndexKeyAndSortRange() throws Exception {
        String keyed = "SELECT id AS i, part, score FROM ix WHERE grp = 'g4' AND score BETWEEN 20 AND 70"
                + " ORDER BY id, part";
        List<String> rows = rows(keyed);
        System.out.println(explain(keyed));
        assertThat(rows).isEqualTo(rows(keyed.replace("WHERE grp", "WHERE TRIM(grp)")));
        assertThat(rows).isEqualTo(matching(i -> i.grp().equals("g4") && i.score() >= 20 && i.score() <= 70)
                .stream().map(i -> i.id() + "|" + i.part() + "|" + i.score()).toList());
        assertThat(explain(keyed)).contains("IndexQuery | ix.ByGrp | grp = 'g4' AND score >= 20 AND score <= 70 |");
    }

    @Test
    void localIndexPartitionKeyAndSortCondition() throws Exception {
        for (String id : List.of("i3", "i17", "i30")) {
            String keyed = "SELECT id AS i, part, score, tag FROM ix WHERE id = '" + id + "' AND score > 40 ORDER BY part";
            List<String> rows = rows(keyed);
            assertThat(rows).isEqualTo(rows(keyed.replace("WHERE id", "WHERE TRIM(id)")));
            assertThat(rows).isEqualTo(matching(i -> i.id().equals(id) && i.score() > 40).stream()
                    .map(i -> i.id() + "|" + i.part() + "|" + i.score() + "|" + i.tag()).toList());
            assertThat(explain(keyed)).contains("IndexQuery | ix.ByScore | id = '" + id + "' AND score > 40 |");
        }
    }

    @Test
    void keysOnlyGlobalIndexIsNotUsedAndThePartitionKeyWinsOverAGlobalIndex() throws Exception {
        String byTag = "SELECT COUNT(*) AS n FROM ix WHERE tag = 't1'";
        assertThat(rows(byTag)).containsExactly(String.valueOf(matching(i -> i.tag().equals("t1")).size()));
        assertThat(explain(byTag)).contains("Scan | ix |").doesNotContain("IndexQuery");
        String both = "SELECT COUNT(*) AS n FROM ix WHERE id = 'i5' AND grp = 'g1'";
        assertThat(rows(both)).containsExactly(String.valueOf(
                matching(i -> i.id().equals("i5") && i.grp().equals("g1")).size()));
        assertThat(explain(both)).contains("Query | ix | id = 'i5' |").doesNotContain("IndexQuery");
    }

    @Test
    void countIsPushedToTheShardsAndEqualsCalcitesCount() throws Exception {
        // COUNT(score) (a nullable column; every item has one) is counted by Calcite's operator over
        // the scanned rows; COUNT(id) would not be: Calcite rewrites it to COUNT(*), the key being NOT NULL.
        assertThat(rows("SELECT COUNT(*) AS n FROM ix")).containsExactly(String.valueOf(ITEMS.size()))
                .isEqualTo(rows("SELECT COUNT(score) AS n FROM ix"));
        assertThat(explain("SELECT COUNT(*) AS n FROM ix")).contains("CountPushdown | ix |");
        assertThat(explain("SELECT COUNT(score) AS n FROM ix")).contains("Scan | ix |").doesNotContain("CountPushdown");
        for (String id : List.of("i0", "i21", "nobody")) {
            assertThat(rows("SELECT COUNT(*) FROM ix WHERE id = '" + id + "'"))
                    .containsExactly(String.valueOf(matching(i -> i.id().equals(id)).size()))
                    .isEqualTo(rows("SELECT COUNT(*) FROM ix WHERE TRIM(id) = '" + id + "'"));
        }
    }

    private static List<Item> matching(Predicate<Item> p) {
        return ITEMS.stream().filter(p)
                .sorted(java.util.Comparator.comparing(Item::id).thenComparingInt(Item::part)).toList();
    }

    private static List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    row.append(i > 1 ? "|" : "").append(v instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : v);
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    static String explain(String sql) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN " + sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    out.append(rs.getString(i)).append(i < n ? " | " : "\n");
                }
            }
        }
        return out.toString();
    }
}
