package dev.jdbcdynamo.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.jdbcdynamo.sharding.ShardingDataSourceBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.shardingsphere.driver.jdbc.core.datasource.ShardingSphereDataSource;

/**
 * ShardingSphere-JDBC alone: the driver's routing DataSource over the raw contender's tables,
 * fed hand-written SQL with the kid bound, one routed connection per thread.
 */
final class ShardingSphereContender implements Contender {
    static final String NAME = "ShardingSphere";

    private final RawTables tables;
    private final Dataset data;
    private final List<HikariDataSource> pools = new ArrayList<>();
    private final ShardingSphereDataSource dataSource;

    ShardingSphereContender(RawTables tables, Dataset data, int maxThreads) throws SQLException {
        this.tables = tables;
        this.data = data;
        Map<String, DataSource> shards = new LinkedHashMap<>();
        try {
            for (int s = 0; s < tables.shardCount(); s++) {
                HikariConfig config = new HikariConfig();
                config.setPoolName("bench-ss-" + s);
                config.setJdbcUrl(tables.url(s));
                config.setUsername(tables.user());
                config.setMaximumPoolSize(maxThreads + 2);
                config.setMinimumIdle(1);
                HikariDataSource pool = new HikariDataSource(config);
                pools.add(pool);
                shards.put(tables.shardNames().get(s), pool);
            }
            this.dataSource = ShardingDataSourceBuilder.build(shards, tables.ring(), List.of(RawTables.MAIN, RawTables.SCAN));
        } catch (SQLException | RuntimeException e) {
            pools.forEach(HikariDataSource::close);
            throw e;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String skipReason(Operation op) {
        if (op == Operation.GSI_QUERY) {
            return "not measured (no GSI tables in the layout yet)";
        }
        if (op == Operation.TRANSACTION_CROSS) {
            return "LOCAL transactions are not atomic across shards";
        }
        return op.planning() ? "no planner" : null;
    }

    @Override
    public Session open(int id) throws SQLException {
        return new RoutedSession(dataSource.getConnection(), data.new Picker(2000L + id), id);
    }

    @Override
    public void close() throws SQLException {
        try {
            dataSource.close();
        } finally {
            pools.forEach(HikariDataSource::close);
        }
    }

    /** One thread's routed connection and its prepared statements. */
    private final class RoutedSession implements Session {
        private final Connection connection;
        private final Map<Operation, PreparedStatement> statements = new EnumMap<>(Operation.class);
        private final Dataset.Picker picker;
        private final int id;
        private long inserted;

        RoutedSession(Connection connection, Dataset.Picker picker, int id) {
            this.connection = connection;
            this.picker = picker;
            this.id = id;
        }

        private PreparedStatement statement(Operation op, String sql) throws SQLException {
            PreparedStatement ps = statements.get(op);
            if (ps == null) {
                ps = connection.prepareStatement(sql);
                statements.put(op, ps);
            }
            return ps;
        }

        @Override
        public void run(Operation op) throws SQLException {
            switch (op) {
                case GET -> {
                    PreparedStatement ps = statement(op, RawTables.GET);
                    RawTables.bindKey(ps, 1, picker.pointPk(), Dataset.POINT_SK);
                    Expect.rows(ps, 1);
                }
                case INSERT -> {
                    PreparedStatement ps = statement(op, RawTables.INSERT);
                    RawTables.bindInsert(ps, Dataset.newItem("s", id, inserted++));
                    Expect.count(ps.executeUpdate(), 1);
                }
                case COUNTER -> update(op, RawTables.COUNTER, 1);
                case CONDITIONAL_FAIL -> update(op, RawTables.CONDITIONAL_FAIL, 0);
                case QUERY -> {
                    String pk = picker.queryPk();
                    PreparedStatement ps = statement(op, RawTables.QUERY);
                    ps.setLong(1, RawTables.kid(pk));
                    ps.setBytes(2, RawTables.key(pk));
                    Expect.rows(ps, Dataset.PARTITION_SIZE);
                }
                case SCAN -> scan();
                case BATCH_LOAD -> {
                    PreparedStatement ps = statement(op, RawTables.INSERT);
                    for (int i = 0; i < Dataset.BATCH_SIZE; i++) {
                        RawTables.bindInsert(ps, Dataset.newItem("sb", id, inserted++));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                case TRANSACTION -> transaction();
                case GSI_QUERY, TRANSACTION_CROSS, GSI_LAG, PLAN_FIRST, PLAN_NEW, PLAN_SHAPE, PLAN_CACHED -> throw new IllegalArgumentException(op.name());
            }
        }

        private void update(Operation op, String sql, int expected) throws SQLException {
            PreparedStatement ps = statement(op, sql);
            RawTables.bindKey(ps, 1, picker.pointPk(), Dataset.POINT_SK);
            Expect.count(ps.executeUpdate(), expected);
        }

        private void scan() throws SQLException {
            int rows = 0;
            try (ResultSet rs = statement(Operation.SCAN, RawTables.SCAN_ALL).executeQuery()) {
                while (rs.next()) {
                    Expect.consume(rs.getString(1));
                    rows++;
                }
            }
            Expect.count(rows, data.scanItems());
        }

        private void transaction() throws SQLException {
            String pk = picker.queryPk();
            PreparedStatement ps = statement(Operation.TRANSACTION, RawTables.COUNTER);
            connection.setAutoCommit(false);
            try {
                String[] sks = picker.twoSortKeys();
                java.util.Arrays.sort(sks); // a fixed lock order: two transactions never wait on each other in a cycle
                for (String sk : sks) {
                    RawTables.bindKey(ps, 1, pk, sk);
                    Expect.count(ps.executeUpdate(), 1);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
