package dev.jdbcdynamo.bench;

import dev.jdbcdynamo.api.DynamoSqlException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;

/**
 * jdbc:dynamo itself, either with PreparedStatements prepared once per thread or with a
 * Statement and the values written into the PartiQL text (so most texts are new to the plan
 * cache), one connection per thread.
 */
final class DynamoJdbcContender implements Contender {
    static final String PREPARED_NAME = "jdbc:dynamo (PreparedStatement)";
    static final String LITERAL_NAME = "jdbc:dynamo (Statement, literals)";
    static final String GSI_NOT_MEASURED = "not measured (the bench table has no GSI yet; see the GSI lag row)";

    static final String GET = "SELECT * FROM \"bench\" WHERE pk = ? AND sk = ?";
    static final String COUNTER = "UPDATE \"bench\" SET n = n + 1 WHERE pk = ? AND sk = ?";
    static final String CONDITIONAL_FAIL = "UPDATE \"bench\" SET n = n + 1 WHERE pk = ? AND sk = ? AND n < 0";
    static final String QUERY = "SELECT * FROM \"bench\" WHERE pk = ?";
    static final String SCAN = "SELECT * FROM \"scan\"";

    private final DynamoJdbcTables tables;
    private final Dataset data;
    private final boolean prepared;

    private DynamoJdbcContender(DynamoJdbcTables tables, Dataset data, boolean prepared) {
        this.tables = tables;
        this.data = data;
        this.prepared = prepared;
    }

    static DynamoJdbcContender prepared(DynamoJdbcTables tables, Dataset data) {
        return new DynamoJdbcContender(tables, data, true);
    }

    static DynamoJdbcContender literal(DynamoJdbcTables tables, Dataset data) {
        return new DynamoJdbcContender(tables, data, false);
    }

    @Override
    public String name() {
        return prepared ? PREPARED_NAME : LITERAL_NAME;
    }

    @Override
    public String skipReason(Operation op) {
        return switch (op) {
            case GSI_QUERY -> GSI_NOT_MEASURED;
            case BATCH_LOAD, TRANSACTION, TRANSACTION_CROSS -> prepared ? null : "see PreparedStatement";
            // Measured once, on the PreparedStatement contender: planning is the same for both.
            case GSI_LAG, PLAN_FIRST, PLAN_NEW, PLAN_SHAPE, PLAN_CACHED -> prepared ? null : "see PreparedStatement";
            case GET, INSERT, COUNTER, QUERY, CONDITIONAL_FAIL, SCAN -> null;
        };
    }

    @Override
    public Session open(int id) throws SQLException {
        Connection c = tables.connect();
        Dataset.Picker picker = data.new Picker((prepared ? 3000L : 4000L) + id);
        return prepared ? new PreparedSession(c, picker, id) : new LiteralSession(c, picker, id);
    }

    @Override
    public void close() {
    }

    /** True when a SQLException is DynamoDB's ConditionalCheckFailedException. */
    static boolean isConditionFailure(SQLException e) {
        return e instanceof DynamoSqlException d && "ConditionalCheckFailedException".equals(d.errorName());
    }

    /** Reads every row's payload (as an application reads a column) and checks the count. */
    static void expectItems(ResultSet rs, int expected) throws SQLException {
        int rows = 0;
        try (rs) {
            while (rs.next()) {
                Expect.consume(rs.getString("payload"));
                rows++;
            }
        }
        Expect.count(rows, expected);
    }

    /** PreparedStatements prepared once and reused. */
    private final class PreparedSession implements Session {
        private final Connection connection;
        private final Map<Operation, PreparedStatement> statements = new EnumMap<>(Operation.class);
        private final Dataset.Picker picker;
        private final int id;
        private long inserted;
        private long planned;

        PreparedSession(Connection connection, Dataset.Picker picker, int id) {
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
                    PreparedStatement ps = statement(op, GET);
                    ps.setString(1, picker.pointPk());
                    ps.setString(2, Dataset.POINT_SK);
                    expectItems(ps.executeQuery(), 1);
                }
                case INSERT -> {
                    BenchItem item = Dataset.newItem("p", id, inserted++);
                    PreparedStatement ps = statement(op, DynamoJdbcTables.INSERT);
                    ps.setString(1, item.pk());
                    ps.setString(2, item.sk());
                    ps.setLong(3, item.n());
                    ps.setString(4, item.payload());
                    Expect.count(ps.executeUpdate(), 1);
                }
                case COUNTER -> {
                    PreparedStatement ps = statement(op, COUNTER);
                    ps.setString(1, picker.pointPk());
                    ps.setString(2, Dataset.POINT_SK);
                    Expect.count(ps.executeUpdate(), 1);
                }
                case CONDITIONAL_FAIL -> {
                    PreparedStatement ps = statement(op, CONDITIONAL_FAIL);
                    ps.setString(1, picker.pointPk());
                    ps.setString(2, Dataset.POINT_SK);
                    try {
                        ps.executeUpdate();
                        throw new IllegalStateException("the conditional update did not fail");
                    } catch (SQLException e) {
                        if (!isConditionFailure(e)) {
                            throw e;
                        }
                    }
                }
                case QUERY -> {
                    PreparedStatement ps = statement(op, QUERY);
                    ps.setString(1, picker.queryPk());
                    expectItems(ps.executeQuery(), Dataset.PARTITION_SIZE);
                }
                case SCAN -> expectItems(statement(op, SCAN).executeQuery(), data.scanItems());
                case PLAN_NEW -> {
                    // A shape this connection has never seen: a key lookup projecting a new attribute.
                    connection.prepareStatement("SELECT a" + id + "n" + planned++
                            + " FROM \"bench\" WHERE pk = 'x' AND sk = '0'").close();
                }
                case PLAN_SHAPE -> {
                    // A text never seen whose shape is known: the same key lookup with new literals.
                    connection.prepareStatement("SELECT * FROM \"bench\" WHERE pk = 'x" + id + "n" + planned++
                            + "' AND sk = '0'").close();
                }
                case PLAN_CACHED -> connection.prepareStatement(GET).close();
                case BATCH_LOAD -> {
                    PreparedStatement ps = statement(op, DynamoJdbcTables.INSERT);
                    for (int i = 0; i < Dataset.BATCH_SIZE; i++) {
                        BenchItem item = Dataset.newItem("pb", id, inserted++);
                        ps.setString(1, item.pk());
                        ps.setString(2, item.sk());
                        ps.setLong(3, item.n());
                        ps.setString(4, item.payload());
                        ps.addBatch();
                    }
                    Expect.count(ps.executeBatch().length, Dataset.BATCH_SIZE);
                }
                case TRANSACTION -> {
                    String pk = picker.queryPk();
                    String[] sks = picker.twoSortKeys();
                    transaction(new String[] {pk, pk}, sks);
                }
                case TRANSACTION_CROSS -> transaction(picker.twoPartitions(),
                        new String[] {Dataset.POINT_SK, Dataset.POINT_SK});
                case GSI_QUERY, GSI_LAG, PLAN_FIRST -> throw new IllegalArgumentException(op.name());
            }
        }

        /** Two counter updates committed atomically (a JDBC transaction; two-phase when on two shards). */
        private void transaction(String[] pks, String[] sks) throws SQLException {
            PreparedStatement ps = statement(Operation.COUNTER, COUNTER);
            connection.setAutoCommit(false);
            try {
                for (int i = 0; i < 2; i++) {
                    ps.setString(1, pks[i]);
                    ps.setString(2, sks[i]);
                    Expect.count(ps.executeUpdate(), 1);
                }
                connection.commit();
            } catch (SQLException e) {
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

    /** One Statement; every call writes its values into the text. */
    private final class LiteralSession implements Session {
        private final Connection connection;
        private final Statement statement;
        private final Dataset.Picker picker;
        private final int id;
        private long inserted;

        LiteralSession(Connection connection, Dataset.Picker picker, int id) throws SQLException {
            this.connection = connection;
            this.statement = connection.createStatement();
            this.picker = picker;
            this.id = id;
        }

        @Override
        public void run(Operation op) throws SQLException {
            switch (op) {
                case GET -> expectItems(statement.executeQuery("SELECT * FROM \"bench\" WHERE pk = '"
                        + picker.pointPk() + "' AND sk = '" + Dataset.POINT_SK + "'"), 1);
                case INSERT -> Expect.count(statement.executeUpdate("INSERT INTO \"bench\" VALUE "
                        + Dataset.newItem("l", id, inserted++).partiqlLiteral()), 1);
                case COUNTER -> Expect.count(statement.executeUpdate("UPDATE \"bench\" SET n = n + 1 WHERE pk = '"
                        + picker.pointPk() + "' AND sk = '" + Dataset.POINT_SK + "'"), 1);
                case CONDITIONAL_FAIL -> {
                    try {
                        statement.executeUpdate("UPDATE \"bench\" SET n = n + 1 WHERE pk = '" + picker.pointPk()
                                + "' AND sk = '" + Dataset.POINT_SK + "' AND n < 0");
                        throw new IllegalStateException("the conditional update did not fail");
                    } catch (SQLException e) {
                        if (!isConditionFailure(e)) {
                            throw e;
                        }
                    }
                }
                case QUERY -> expectItems(statement.executeQuery("SELECT * FROM \"bench\" WHERE pk = '"
                        + picker.queryPk() + "'"), Dataset.PARTITION_SIZE);
                case SCAN -> expectItems(statement.executeQuery(SCAN), data.scanItems());
                case BATCH_LOAD, TRANSACTION, TRANSACTION_CROSS, GSI_QUERY, GSI_LAG, PLAN_FIRST, PLAN_NEW, PLAN_SHAPE, PLAN_CACHED ->
                        throw new IllegalArgumentException(op.name());
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
