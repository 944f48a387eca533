package dev.jdbcdynamo.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The floor: mysql-connector-j straight to the shard that holds the key, with one connection
 * per shard and prepared statements that every call reuses.
 */
final class RawJdbcContender implements Contender {
    static final String NAME = "raw JDBC";

    private final RawTables tables;
    private final Dataset data;

    RawJdbcContender(RawTables tables, Dataset data) {
        this.tables = tables;
        this.data = data;
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
            return "not atomic across shards without a coordinator";
        }
        return op.planning() ? "no planner" : null;
    }

    @Override
    public Session open(int id) throws SQLException {
        List<Connection> connections = new ArrayList<>();
        try {
            for (int s = 0; s < tables.shardCount(); s++) {
                connections.add(tables.connect(s));
            }
        } catch (SQLException e) {
            for (Connection c : connections) {
                c.close();
            }
            throw e;
        }
        return new RawSession(connections, data.new Picker(1000L + id), id);
    }

    @Override
    public void close() {
    }

    /** One thread's connections (one per shard) and their prepared statements. */
    private final class RawSession implements Session {
        private final List<Connection> connections;
        private final List<Map<Operation, PreparedStatement>> statements = new ArrayList<>();
        private final Dataset.Picker picker;
        private final int id;
        private long inserted;

        RawSession(List<Connection> connections, Dataset.Picker picker, int id) {
            this.connections = connections;
            this.picker = picker;
            this.id = id;
            for (int s = 0; s < connections.size(); s++) {
                statements.add(new EnumMap<>(Operation.class));
            }
        }

        private PreparedStatement statement(int shard, Operation op, String sql) throws SQLException {
            Map<Operation, PreparedStatement> byOp = statements.get(shard);
            PreparedStatement ps = byOp.get(op);
            if (ps == null) {
                ps = connections.get(shard).prepareStatement(sql);
                byOp.put(op, ps);
            }
            return ps;
        }

        @Override
        public void run(Operation op) throws SQLException {
            switch (op) {
                case GET -> get();
                case INSERT -> insert();
                case COUNTER -> update(Operation.COUNTER, RawTables.COUNTER, 1);
                case CONDITIONAL_FAIL -> update(Operation.CONDITIONAL_FAIL, RawTables.CONDITIONAL_FAIL, 0);
                case QUERY -> query();
                case SCAN -> scan();
                case BATCH_LOAD -> batchLoad();
                case TRANSACTION -> transaction();
                case GSI_QUERY, TRANSACTION_CROSS, GSI_LAG, PLAN_FIRST, PLAN_NEW, PLAN_SHAPE, PLAN_CACHED -> throw new IllegalArgumentException(op.name());
            }
        }

        private void get() throws SQLException {
            String pk = picker.pointPk();
            PreparedStatement ps = statement(tables.shardOf(pk), Operation.GET, RawTables.GET);
            RawTables.bindKey(ps, 1, pk, Dataset.POINT_SK);
            Expect.rows(ps, 1);
        }

        private void insert() throws SQLException {
            BenchItem item = Dataset.newItem("r", id, inserted++);
            PreparedStatement ps = statement(tables.shardOf(item.pk()), Operation.INSERT, RawTables.INSERT);
            RawTables.bindInsert(ps, item);
            Expect.count(ps.executeUpdate(), 1);
        }

        private void update(Operation op, String sql, int expected) throws SQLException {
            String pk = picker.pointPk();
            PreparedStatement ps = statement(tables.shardOf(pk), op, sql);
            RawTables.bindKey(ps, 1, pk, Dataset.POINT_SK);
            Expect.count(ps.executeUpdate(), expected);
        }

        private void query() throws SQLException {
            String pk = picker.queryPk();
            PreparedStatement ps = statement(tables.shardOf(pk), Operation.QUERY, RawTables.QUERY);
            ps.setLong(1, RawTables.kid(pk));
            ps.setBytes(2, RawTables.key(pk));
            Expect.rows(ps, Dataset.PARTITION_SIZE);
        }

        private void scan() throws SQLException {
            int rows = 0;
            for (int s = 0; s < connections.size(); s++) {
                PreparedStatement ps = statement(s, Operation.SCAN, RawTables.SCAN_ALL);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Expect.consume(rs.getString(1));
                        rows++;
                    }
                }
            }
            Expect.count(rows, data.scanItems());
        }

        /** One executeBatch per shard the 25 new items fall on (a rewritten multi-row INSERT). */
        private void batchLoad() throws SQLException {
            boolean[] pending = new boolean[connections.size()];
            for (int i = 0; i < Dataset.BATCH_SIZE; i++) {
                BenchItem item = Dataset.newItem("rb", id, inserted++);
                int shard = tables.shardOf(item.pk());
                PreparedStatement ps = statement(shard, Operation.BATCH_LOAD, RawTables.INSERT);
                RawTables.bindInsert(ps, item);
                ps.addBatch();
                pending[shard] = true;
            }
            for (int s = 0; s < pending.length; s++) {
                if (pending[s]) {
                    statement(s, Operation.BATCH_LOAD, RawTables.INSERT).executeBatch();
                }
            }
        }

        private void transaction() throws SQLException {
            String pk = picker.queryPk();
            String[] sks = picker.twoSortKeys();
            java.util.Arrays.sort(sks); // a fixed lock order: two transactions never wait on each other in a cycle
            int shard = tables.shardOf(pk);
            Connection c = connections.get(shard);
            PreparedStatement ps = statement(shard, Operation.TRANSACTION, RawTables.COUNTER);
            c.setAutoCommit(false);
            try {
                for (String sk : sks) {
                    RawTables.bindKey(ps, 1, pk, sk);
                    Expect.count(ps.executeUpdate(), 1);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }

        @Override
        public void close() throws SQLException {
            for (Connection c : connections) {
                c.close();
            }
        }
    }
}
