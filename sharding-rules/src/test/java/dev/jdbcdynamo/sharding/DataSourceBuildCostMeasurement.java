package dev.jdbcdynamo.sharding;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.shardingsphere.driver.api.ShardingSphereDataSourceFactory;
import org.apache.shardingsphere.sharding.api.config.ShardingRuleConfiguration;
import org.apache.shardingsphere.sharding.api.config.rule.ShardingTableRuleConfiguration;
import org.junit.jupiter.api.Test;

/**
 * Measures what building a ShardingSphere DataSource costs and which queries it sends to the
 * shards; not part of the normal test run (the name does not end in Test). Run it alone, in a
 * fresh JVM so that its first build is a cold one:
 * {@code ./mvnw -o -q -B -pl sharding-rules test -Dtest=DataSourceBuildCostMeasurement}.
 */
class DataSourceBuildCostMeasurement {
    private static final int ROUNDS = 7;

    @Test
    void measure() throws Exception {
        TestShards.pools();
        List<String> tables = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            tables.add("dt_m" + i);
        }
        long created = System.nanoTime();
        TestShards.onEveryShard(createStatements(tables));
        System.err.printf("created 50 tables on each of 4 shards in %.0f ms%n", (System.nanoTime() - created) / 1e6);

        print("cold build, 1 table", build(ShardingDataSourceBuilder.properties(), tables.subList(0, 1)));
        for (int i = 0; i < 3; i++) {
            build(ShardingDataSourceBuilder.properties(), tables.subList(0, 10)); // JIT warm-up, not reported
        }
        for (int n : new int[] {0, 1, 10, 50}) {
            print("warm build, " + n + " tables", median(ShardingDataSourceBuilder.properties(), tables.subList(0, n)));
        }
        print("warm, 50 tables, GROOVY data nodes", median(ShardingDataSourceBuilder.properties(), tables, false));
        Properties defaults = ShardingDataSourceBuilder.properties();
        defaults.remove("system-schema-metadata-assembly-enabled");
        print("warm, 1 table, SS default system schemas", median(defaults, tables.subList(0, 1)));
        Properties checkAll = ShardingDataSourceBuilder.properties();
        checkAll.setProperty("check-table-metadata-enabled", "true");
        try {
            print("warm, 50 tables, check-table-metadata on", median(checkAll, tables));
        } catch (SQLException | RuntimeException e) {
            // 5.5.2: TableMetaData has no equals(), so identical tables on two shards never match.
            System.err.println("check-table-metadata on fails: " + e.getMessage().lines().findFirst().orElse(""));
        }

        List<String> unrelated = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            unrelated.add("other_" + i);
        }
        TestShards.onEveryShard(createStatements(unrelated));
        print("warm, 1 table, +300 other tables/shard", median(ShardingDataSourceBuilder.properties(), tables.subList(0, 1)));
        print("warm, 50 tables, +300 other tables/shard", median(ShardingDataSourceBuilder.properties(), tables));

        logQueriesOfOneBuild("50 tables, check-table-metadata off", ShardingDataSourceBuilder.properties(), tables);
        logQueriesOfOneBuild("50 tables, check-table-metadata on", checkAll, tables);
        TestShards.onEveryShard(unrelated.stream().map(t -> "DROP TABLE " + t).toArray(String[]::new));
        TestShards.onEveryShard(tables.stream().map(t -> "DROP TABLE " + t).toArray(String[]::new));
    }

    private static String[] createStatements(List<String> tables) {
        List<String> statements = new ArrayList<>();
        for (String table : tables) {
            statements.add("DROP TABLE IF EXISTS " + table);
            statements.add(TestShards.createTable(table));
        }
        return statements.toArray(String[]::new);
    }

    private static double[] build(Properties props, List<String> tables) throws Exception {
        return build(props, tables, true);
    }

    /** Build, first query and close times in milliseconds. */
    private static double[] build(Properties props, List<String> tables, boolean literalDataNodes) throws Exception {
        ShardingRuleConfiguration rules = ShardingDataSourceBuilder.ruleConfiguration(TestShards.RING, tables);
        if (!literalDataNodes) {
            List<ShardingTableRuleConfiguration> groovy = new ArrayList<>();
            for (ShardingTableRuleConfiguration table : rules.getTables()) {
                ShardingTableRuleConfiguration copy = new ShardingTableRuleConfiguration(table.getLogicTable(),
                        table.getActualDataNodes().replace("<LITERAL>", ""));
                copy.setDatabaseShardingStrategy(table.getDatabaseShardingStrategy());
                copy.setTableShardingStrategy(table.getTableShardingStrategy());
                groovy.add(copy);
            }
            rules.setTables(groovy);
        }
        long begin = System.nanoTime();
        DataSource dataSource = ShardingSphereDataSourceFactory.createDataSource(ShardingDataSourceBuilder.DEFAULT_DATABASE_NAME,
                ShardingDataSourceBuilder.modeConfiguration(), views(), List.of(rules), props);
        long built = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        tables.isEmpty() ? "SELECT 1" : "SELECT COUNT(*) FROM " + tables.get(0) + " WHERE kid = 1")) {
            rows.next();
        }
        long queried = System.nanoTime();
        ((AutoCloseable) dataSource).close();
        long closed = System.nanoTime();
        return new double[] {(built - begin) / 1e6, (queried - built) / 1e6, (closed - queried) / 1e6};
    }

    private static Map<String, DataSource> views() throws SQLException {
        Map<String, DataSource> result = new LinkedHashMap<>();
        for (String shard : TestShards.NAMES) {
            DataSource pool = TestShards.pools().get(shard);
            try (Connection connection = pool.getConnection()) {
                result.put(shard, new SharedPoolDataSource(pool, connection.getMetaData().getURL()));
            }
        }
        return result;
    }

    private static double[] median(Properties props, List<String> tables) throws Exception {
        return median(props, tables, true);
    }

    private static double[] median(Properties props, List<String> tables, boolean literalDataNodes) throws Exception {
        double[][] runs = new double[ROUNDS][];
        for (int i = 0; i < ROUNDS; i++) {
            runs[i] = build(props, tables, literalDataNodes);
        }
        double[] result = new double[5];
        for (int column = 0; column < 3; column++) {
            double[] values = new double[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                values[i] = runs[i][column];
            }
            Arrays.sort(values);
            result[column] = values[ROUNDS / 2];
            if (column == 0) {
                result[3] = values[0];
                result[4] = values[ROUNDS - 1];
            }
        }
        return result;
    }

    private static void print(String what, double[] times) {
        String spread = times.length > 3 ? String.format(" (%.0f..%.0f)", times[3], times[4]) : "";
        System.err.printf("%-42s build %7.1f ms%-12s first query %6.1f ms, close %5.1f ms%n", what, times[0], spread, times[1], times[2]);
    }

    /** Turns MariaDB's general log on around one build and prints what the shards were sent. */
    private static void logQueriesOfOneBuild(String what, Properties props, List<String> tables) throws Exception {
        try (Connection admin = DriverManager.getConnection(MariaDbServer.get().url("mysql"));
                Statement statement = admin.createStatement()) {
            statement.execute("SET GLOBAL log_output = 'TABLE'");
            statement.execute("TRUNCATE TABLE mysql.general_log");
            statement.execute("SET GLOBAL general_log = 'ON'");
            try {
                build(props, tables);
            } catch (SQLException | RuntimeException e) {
                System.err.println("build failed: " + e.getMessage().lines().findFirst().orElse(""));
            }
            statement.execute("SET GLOBAL general_log = 'OFF'");
            System.err.println("queries sent to the shards by one build (" + what + "):");
            String sql = "SELECT COUNT(*) AS n, LEFT(REGEXP_REPLACE(CONVERT(argument USING utf8mb4), '\\\\s+', ' '), 150) AS q"
                    + " FROM mysql.general_log WHERE command_type IN ('Query', 'Execute', 'Init DB')"
                    + " AND CONVERT(argument USING utf8mb4) NOT LIKE '%general_log%' GROUP BY q ORDER BY n DESC";
            try (ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    System.err.printf("  %4d x %s%n", rows.getInt(1), rows.getString(2));
                }
            }
        }
    }
}
