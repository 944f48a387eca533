package dev.jdbcdynamo.sharding;

import static dev.jdbcdynamo.sharding.TestShards.NAMES;
import static dev.jdbcdynamo.sharding.TestShards.RING;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.shardingsphere.driver.jdbc.core.datasource.ShardingSphereDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Routing through the built ShardingSphere DataSource on four real MariaDB shards.
 *
 * <p>To see which shards a statement reached, the same kid is planted directly in every shard
 * ("decoys", tagged with the shard's name in {@code pk}); a statement routed only to the ring's
 * owner returns only the owner's row.
 */
class ShardingDataSourceBuilderTest {
    private static final String TABLE = "dt_route";
    private static final String INSERT = "INSERT INTO " + TABLE + " (kid, pk, sk, item) VALUES (?, ?, ?, ?)";
    private static final String INSERT_EMPTY_ITEM = "INSERT INTO " + TABLE + " (kid, pk, sk, item) VALUES (?, ?, ?, '{}')";

    private static ShardingSphereDataSource sharded;

    @BeforeAll
    static void setUp() throws SQLException {
        TestShards.onEveryShard("DROP TABLE IF EXISTS " + TABLE, TestShards.createTable(TABLE));
        sharded = ShardingDataSourceBuilder.build(TestShards.pools(), RING, List.of(TABLE));
    }

    @AfterAll
    static void tearDown() throws Exception {
        sharded.close();
    }

    @BeforeEach
    void emptyTable() {
        TestShards.onEveryShard("DELETE FROM " + TABLE);
    }

    @Test
    void insertWithKidBoundAsLongLandsOnExactlyTheShardTheRingNames() throws SQLException {
        Map<Long, String> expected = new HashMap<>();
        try (Connection connection = sharded.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int i = 0; i < 200; i++) {
                byte[] pk = ("user-" + i).getBytes(UTF_8);
                long kid = KeyspaceId.of((byte) 'S', pk);
                insert.setLong(1, kid);
                insert.setBytes(2, pk);
                insert.setBytes(3, new byte[0]);
                insert.setString(4, "{\"id\":{\"S\":\"user-" + i + "\"}}");
                assertThat(insert.executeUpdate()).isEqualTo(1);
                expected.put(kid, RING.shardFor(kid));
            }
        }
        Map<Long, String> found = shardOfEveryStoredKid();
        assertThat(found).isEqualTo(expected);
        assertThat(Set.copyOf(found.values())).containsExactlyInAnyOrderElementsOf(NAMES);
    }

    @Test
    void multiRowInsertAndJdbcBatchSendEachRowToItsOwner() throws SQLException {
        Map<Long, String> expected = new HashMap<>();
        try (Connection connection = sharded.getConnection()) {
            int rows = 8;
            String values = String.join(", ", Collections.nCopies(rows, "(?, ?, ?, '{}')"));
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " (kid, pk, sk, item) VALUES " + values)) {
                for (int i = 0; i < rows; i++) {
                    byte[] pk = ("multi-" + i).getBytes(UTF_8);
                    long kid = KeyspaceId.of((byte) 'S', pk);
                    insert.setLong(3 * i + 1, kid);
                    insert.setBytes(3 * i + 2, pk);
                    insert.setBytes(3 * i + 3, new byte[0]);
                    expected.put(kid, RING.shardFor(kid));
                }
                assertThat(insert.executeUpdate()).isEqualTo(rows);
            }
            try (PreparedStatement batch = connection.prepareStatement(INSERT_EMPTY_ITEM)) {
                for (int i = 0; i < 20; i++) {
                    byte[] pk = ("batch-" + i).getBytes(UTF_8);
                    long kid = KeyspaceId.of((byte) 'S', pk);
                    batch.setLong(1, kid);
                    batch.setBytes(2, pk);
                    batch.setBytes(3, new byte[0]);
                    batch.addBatch();
                    expected.put(kid, RING.shardFor(kid));
                }
                batch.executeBatch();
            }
        }
        assertThat(shardOfEveryStoredKid()).isEqualTo(expected);
    }

    @Test
    void selectByKidReachesOnlyTheOwningShard() throws SQLException {
        long kid = KeyspaceId.of((byte) 'S', "alice".getBytes(UTF_8));
        plantEverywhere(kid, "alice");
        try (Connection connection = sharded.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT pk FROM " + TABLE + " WHERE kid = ?")) {
            select.setLong(1, kid);
            assertThat(pks(select)).containsExactly("alice@" + RING.shardFor(kid));
        }
    }

    @Test
    void kidInListReachesOnlyTheOwningShards() throws SQLException {
        List<Long> kids = kidsOfDistinctOwners(2);
        plantEverywhere(kids.get(0), "first");
        plantEverywhere(kids.get(1), "second");
        try (Connection connection = sharded.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT pk FROM " + TABLE + " WHERE kid IN (?, ?)")) {
            select.setLong(1, kids.get(0));
            select.setLong(2, kids.get(1));
            // Each owning shard gets the whole IN list (ShardingSphere does not split it per shard),
            // so it returns both of its decoys; the shards owning neither kid are not reached.
            String firstOwner = RING.shardFor(kids.get(0));
            String secondOwner = RING.shardFor(kids.get(1));
            assertThat(pks(select)).containsExactlyInAnyOrder(
                    "first@" + firstOwner, "second@" + firstOwner, "first@" + secondOwner, "second@" + secondOwner);
        }
    }

    @Test
    void statementWithoutKidReachesEveryShard() throws SQLException {
        long kid = KeyspaceId.of((byte) 'S', "bob".getBytes(UTF_8));
        plantEverywhere(kid, "bob");
        try (Connection connection = sharded.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT pk FROM " + TABLE + " WHERE sk = ?")) {
            select.setBytes(1, new byte[0]);
            assertThat(pks(select)).containsExactlyInAnyOrder("bob@ds_0", "bob@ds_1", "bob@ds_2", "bob@ds_3");
        }
    }

    @Test
    void kidRangeReachesOnlyTheShardsOwningPartOfIt() throws SQLException {
        long kid = KeyspaceId.of((byte) 'S', "carol".getBytes(UTF_8));
        plantEverywhere(kid, "carol");
        try (Connection connection = sharded.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT pk FROM " + TABLE + " WHERE kid BETWEEN ? AND ?")) {
            select.setLong(1, kid);
            select.setLong(2, kid);
            assertThat(pks(select)).containsExactly("carol@" + RING.shardFor(kid));
            select.setLong(1, Long.MIN_VALUE);
            select.setLong(2, Long.MAX_VALUE);
            assertThat(pks(select)).hasSize(4);
            // ShardingSphere itself builds a Guava Range of the bounds: an empty BETWEEN is an error,
            // so callers must not send one.
            select.setLong(1, kid + 1);
            select.setLong(2, kid);
            assertThatThrownBy(select::executeQuery).isInstanceOf(SQLException.class).hasStackTraceContaining("Invalid range");
        }
    }

    @Test
    void kidWrittenAsLiteralInTheStatementTextIsRoutedLikeABoundLong() throws SQLException {
        long small = 7; // parsed by ShardingSphere as an Integer
        long large = KeyspaceId.of((byte) 'S', "dave".getBytes(UTF_8)); // parsed as a Long
        plantEverywhere(small, "small");
        plantEverywhere(large, "large");
        try (Connection connection = sharded.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT pk FROM " + TABLE + " WHERE kid = " + small)) {
                assertThat(pks(rows)).containsExactly("small@" + RING.shardFor(small));
            }
            try (ResultSet rows = statement.executeQuery("SELECT pk FROM " + TABLE + " WHERE kid = " + large)) {
                assertThat(pks(rows)).containsExactly("large@" + RING.shardFor(large));
            }
        }
    }

    @Test
    void kidBoundAsStringIsRefusedRatherThanMisrouted() throws SQLException {
        try (Connection connection = sharded.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT pk FROM " + TABLE + " WHERE kid = ?")) {
            select.setString(1, "42");
            assertThatThrownBy(select::executeQuery).hasStackTraceContaining("must be a long");
        }
    }

    @Test
    void closingAShardingSphereDataSourceLeavesTheSharedPoolsOpen() throws Exception {
        long kid = KeyspaceId.of((byte) 'S', "erin".getBytes(UTF_8));
        plantEverywhere(kid, "erin");
        ShardingSphereDataSource second = ShardingDataSourceBuilder.build(TestShards.pools(), RING, List.of(TABLE));
        assertThat(selectByKid(second, kid)).containsExactly("erin@" + RING.shardFor(kid));
        second.close();
        for (String shard : NAMES) {
            assertThat(TestShards.pool(shard).isClosed()).as(shard).isFalse();
        }
        assertThat(selectByKid(sharded, kid)).containsExactly("erin@" + RING.shardFor(kid));
        try (ShardingSphereDataSource third = ShardingDataSourceBuilder.build(TestShards.pools(), RING, List.of(TABLE))) {
            assertThat(selectByKid(third, kid)).containsExactly("erin@" + RING.shardFor(kid));
        }
        for (String shard : NAMES) {
            assertThat(TestShards.pool(shard).isClosed()).as(shard).isFalse();
        }
    }

    @Test
    void twoDataSourcesWithTheSameDatabaseNameAndDifferentRingsCoexist() throws Exception {
        HashRing twoShards = HashRing.of(List.of("ds_0", "ds_1"));
        Map<String, DataSource> pools = Map.of("ds_0", TestShards.pools().get("ds_0"), "ds_1", TestShards.pools().get("ds_1"));
        long kid = kidsOfDistinctOwners(1).get(0);
        plantEverywhere(kid, "frank");
        try (ShardingSphereDataSource other = ShardingDataSourceBuilder.build(
                ShardingDataSourceBuilder.DEFAULT_DATABASE_NAME, pools, twoShards, List.of(TABLE))) {
            assertThat(selectByKid(other, kid)).containsExactly("frank@" + twoShards.shardFor(kid));
            assertThat(selectByKid(sharded, kid)).containsExactly("frank@" + RING.shardFor(kid));
        }
        assertThat(selectByKid(sharded, kid)).containsExactly("frank@" + RING.shardFor(kid));
    }

    @Test
    void tableNamedBeforeItExistsIsCreatedThroughShardingSphereOnEveryShard() throws Exception {
        String late = "dt_late";
        TestShards.onEveryShard("DROP TABLE IF EXISTS " + late);
        try (ShardingSphereDataSource rebuilt = ShardingDataSourceBuilder.build(TestShards.pools(), RING, List.of(TABLE, late));
                Connection connection = rebuilt.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(TestShards.createTable(late));
            }
            long kid = KeyspaceId.of((byte) 'S', "grace".getBytes(UTF_8));
            try (PreparedStatement insert = connection.prepareStatement(INSERT.replace(TABLE, late))) {
                insert.setLong(1, kid);
                insert.setBytes(2, "grace".getBytes(UTF_8));
                insert.setBytes(3, new byte[0]);
                insert.setString(4, "{}");
                insert.executeUpdate();
            }
            for (String shard : NAMES) {
                try (Connection direct = TestShards.pools().get(shard).getConnection();
                        ResultSet rows = direct.createStatement().executeQuery("SELECT COUNT(*) FROM " + late)) {
                    rows.next();
                    assertThat(rows.getInt(1)).as(shard).isEqualTo(shard.equals(RING.shardFor(kid)) ? 1 : 0);
                }
            }
        } finally {
            TestShards.onEveryShard("DROP TABLE IF EXISTS " + late);
        }
    }

    @Test
    void buildsWithNoShardedTableYet() throws Exception {
        try (ShardingSphereDataSource empty = ShardingDataSourceBuilder.build(TestShards.pools(), RING, List.of());
                Connection connection = empty.getConnection();
                ResultSet rows = connection.createStatement().executeQuery("SELECT 1")) {
            assertThat(rows.next()).isTrue();
        }
    }

    @Test
    void poolsThatDoNotMatchTheRingAreRefused() {
        assertThatThrownBy(() -> ShardingDataSourceBuilder.build(TestShards.pools(), RING.withShard("ds_4"), List.of(TABLE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("do not match the ring's shards");
        assertThatThrownBy(() -> ShardingDataSourceBuilder.build(TestShards.pools(), RING, List.of("dt_1; DROP")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Kids of "k-i" keys whose owners are pairwise different. */
    private static List<Long> kidsOfDistinctOwners(int count) {
        List<Long> result = new ArrayList<>();
        Set<String> owners = new LinkedHashSet<>();
        for (int i = 0; result.size() < count; i++) {
            long kid = KeyspaceId.of((byte) 'S', ("k-" + i).getBytes(UTF_8));
            if (owners.add(RING.shardFor(kid))) {
                result.add(kid);
            }
        }
        return result;
    }

    /** Inserts a row with {@code kid} directly into every shard, its pk naming the shard. */
    private static void plantEverywhere(long kid, String tag) throws SQLException {
        for (String shard : NAMES) {
            try (Connection connection = TestShards.pools().get(shard).getConnection();
                    PreparedStatement insert = connection.prepareStatement(INSERT_EMPTY_ITEM)) {
                insert.setLong(1, kid);
                insert.setBytes(2, (tag + "@" + shard).getBytes(UTF_8));
                insert.setBytes(3, new byte[0]);
                insert.executeUpdate();
            }
        }
    }

    /** Kid to the shard it is stored on, read from each shard directly; fails on a kid stored twice. */
    private static Map<Long, String> shardOfEveryStoredKid() throws SQLException {
        Map<Long, String> found = new HashMap<>();
        for (String shard : NAMES) {
            for (long kid : kidsStoredDirectly(shard)) {
                assertThat(found.put(kid, shard)).as("kid %d stored on a second shard %s", kid, shard).isNull();
            }
        }
        return found;
    }

    private static List<Long> kidsStoredDirectly(String shard) throws SQLException {
        List<Long> kids = new ArrayList<>();
        try (Connection connection = TestShards.pools().get(shard).getConnection();
                ResultSet rows = connection.createStatement().executeQuery("SELECT kid FROM " + TABLE)) {
            while (rows.next()) {
                kids.add(rows.getLong(1));
            }
        }
        return kids;
    }

    private static List<String> selectByKid(DataSource dataSource, long kid) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT pk FROM " + TABLE + " WHERE kid = ?")) {
            select.setLong(1, kid);
            return pks(select);
        }
    }

    private static List<String> pks(PreparedStatement select) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            return pks(rows);
        }
    }

    private static List<String> pks(ResultSet rows) throws SQLException {
        List<String> result = new ArrayList<>();
        while (rows.next()) {
            result.add(new String(rows.getBytes(1), UTF_8));
        }
        return result;
    }
}
