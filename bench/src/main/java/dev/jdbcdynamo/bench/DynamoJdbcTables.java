package dev.jdbcdynamo.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The jdbc:dynamo database of the run ({@code mem:bench}, databases {@code dynamo_mem_bench_*}
 * on the shared server), loaded through the driver itself and kept open by one connection.
 */
final class DynamoJdbcTables implements AutoCloseable {
    static final String DATABASE = "bench";
    static final String INSERT = "INSERT INTO \"" + Dataset.MAIN_TABLE + "\" VALUE {'pk': ?, 'sk': ?, 'n': ?, 'payload': ?}";
    private static final String INSERT_WITH_G = "INSERT INTO \"%s\" VALUE {'pk': ?, 'sk': ?, 'n': ?, 'g': ?, 'payload': ?}";
    private static final String INSERT_WITHOUT_G = "INSERT INTO \"%s\" VALUE {'pk': ?, 'sk': ?, 'n': ?, 'payload': ?}";

    private final String url;
    private final Connection anchor;

    private DynamoJdbcTables(String url, Connection anchor) {
        this.url = url;
        this.anchor = anchor;
    }

    /** Connects (which starts or joins the embedded server), creates both tables and loads them. */
    static DynamoJdbcTables createAndLoad(int shards, int poolSize, Dataset data, int loaders) throws Exception {
        String url = "jdbc:dynamo:mem:" + DATABASE + "?shards=" + shards + "&poolSize=" + poolSize;
        Connection anchor = DriverManager.getConnection(url);
        DynamoJdbcTables tables = new DynamoJdbcTables(url, anchor);
        try {
            try (Statement s = anchor.createStatement()) {
                for (String table : List.of(Dataset.MAIN_TABLE, Dataset.SCAN_TABLE)) {
                    s.execute("DROP TABLE IF EXISTS \"" + table + "\"");
                    s.execute("CREATE TABLE \"" + table + "\" (pk STRING PARTITION KEY, sk STRING SORT KEY)");
                }
            }
            tables.load(Dataset.MAIN_TABLE, data.mainItems(), loaders);
            tables.load(Dataset.SCAN_TABLE, data.scanItemsList(), loaders);
            return tables;
        } catch (Exception e) {
            tables.close();
            throw e;
        }
    }

    String url() {
        return url;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** Inserts the items one statement at a time (the driver has no batches yet) on parallel connections. */
    private void load(String table, List<BenchItem> items, int loaders) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(loaders);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int t = 0; t < loaders; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    try (Connection c = connect();
                         PreparedStatement withG = c.prepareStatement(String.format(INSERT_WITH_G, table));
                         PreparedStatement withoutG = c.prepareStatement(String.format(INSERT_WITHOUT_G, table))) {
                        for (int i = first; i < items.size(); i += loaders) {
                            BenchItem item = items.get(i);
                            PreparedStatement ps = item.g() == null ? withoutG : withG;
                            int p = 1;
                            ps.setString(p++, item.pk());
                            ps.setString(p++, item.sk());
                            ps.setLong(p++, item.n());
                            if (item.g() != null) {
                                ps.setString(p++, item.g());
                            }
                            ps.setString(p, item.payload());
                            ps.executeUpdate();
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public void close() throws SQLException {
        anchor.close();
    }
}
