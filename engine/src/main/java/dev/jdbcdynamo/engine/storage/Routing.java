package dev.jdbcdynamo.engine.storage;

import static java.util.Objects.requireNonNull;

import dev.jdbcdynamo.planner.catalog.TableDef;
import java.util.Map;
import org.apache.shardingsphere.driver.jdbc.core.datasource.ShardingSphereDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One generation of the catalog with the ShardingSphere DataSource that knows its tables. A
 * catalog change makes a new generation; connections move to it before their next statement,
 * and a retired generation is closed once the last connection has left it.
 */
public final class Routing {
    private static final Logger LOG = LoggerFactory.getLogger(Routing.class);

    private final long generation;
    private final Map<String, TableDef> tables;
    private final ShardingSphereDataSource dataSource;
    private int users;
    private boolean retired;
    private boolean closed;

    Routing(long generation, Map<String, TableDef> tables, ShardingSphereDataSource dataSource) {
        this.generation = generation;
        this.tables = Map.copyOf(tables);
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
    }

    public long generation() {
        return generation;
    }

    public Map<String, TableDef> tables() {
        return tables;
    }

    public ShardingSphereDataSource dataSource() {
        return dataSource;
    }

    /** A connection starts using this generation. */
    public synchronized void enter() {
        users++;
    }

    /** A connection stopped using this generation. */
    public void leave() {
        boolean close;
        synchronized (this) {
            users--;
            close = retired && users <= 0 && !closed;
            closed |= close;
        }
        if (close) {
            closeQuietly();
        }
    }

    /** No new connection will enter; closes now or when the last user leaves. */
    void retire() {
        boolean close;
        synchronized (this) {
            retired = true;
            close = users <= 0 && !closed;
            closed |= close;
        }
        if (close) {
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            dataSource.close();
        } catch (Exception e) {
            LOG.warn("Closing routing generation {} failed: {}", generation, e.toString());
        }
    }
}
