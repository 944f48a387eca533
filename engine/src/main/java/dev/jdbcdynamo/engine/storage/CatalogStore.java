package dev.jdbcdynamo.engine.storage;

import dev.jdbcdynamo.engine.topology.Shard;
import dev.jdbcdynamo.planner.catalog.CatalogJson;
import dev.jdbcdynamo.planner.catalog.IndexDef;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog and the ring as stored on every shard ({@code dynamo_catalog}, {@code dynamo_topology}).
 * Writes go to all shards under a named lock on the first shard, so that two driver instances never
 * create tables concurrently; reads come from the first shard.
 *
 * <p>MySQL DDL is not transactional: a CREATE TABLE that fails on one shard is undone on the
 * shards it reached, so no half-created table stays in the catalog.
 */
public final class CatalogStore {
    private static final String DDL_LOCK = "jdbc_dynamo_ddl";

    private final List<Shard> shards;

    public CatalogStore(List<Shard> shards) {
        this.shards = List.copyOf(shards);
    }

    /**
     * Creates the system tables where missing, then checks (or, on a new database, records) the
     * ring on every shard. Two clients that would route differently must never share shards.
     */
    public void bootstrap(String ringText) {
        withDdlLock(() -> {
            for (Shard shard : shards) {
                try (Connection c = shard.pool().getConnection(); Statement s = c.createStatement()) {
                    s.execute(PhysicalSchema.CREATE_CATALOG);
                    s.execute(PhysicalSchema.CREATE_TOPOLOGY);
                    s.execute(PhysicalSchema.CREATE_CHANGES);
                } catch (SQLException e) {
                    throw storageError("create the system tables on shard " + shard.name(), e);
                }
            }
            checkTopology(ringText);
            return null;
        });
    }

    private void checkTopology(String ringText) {
        List<String> problems = new ArrayList<>();
        boolean anyStored = false;
        Map<Shard, String[]> stored = new LinkedHashMap<>();
        for (Shard shard : shards) {
            String[] row = readTopology(shard);
            stored.put(shard, row);
            anyStored |= row != null;
        }
        for (Map.Entry<Shard, String[]> e : stored.entrySet()) {
            Shard shard = e.getKey();
            String[] row = e.getValue();
            if (row == null) {
                if (anyStored) {
                    problems.add("shard " + shard.name() + " (" + shard.location() + ") has no ring yet while others do");
                }
                continue;
            }
            if (!row[0].equals(shard.name())) {
                problems.add("database " + shard.location() + " is shard " + row[0] + " of its ring but is configured as "
                        + shard.name() + " (the shard list is in another order?)");
            } else if (!row[1].equals(ringText)) {
                problems.add("shard " + shard.name() + " (" + shard.location() + ") stores a different ring: "
                        + describeRing(row[1]) + " instead of " + describeRing(ringText)
                        + RingDifference.describe(row[1], ringText));
            }
        }
        if (!problems.isEmpty()) {
            throw ErrorCode.TOPOLOGY_MISMATCH.error("The configured shards do not match the ring stored in them; "
                    + "refusing to start, since two clients that route differently lose data: "
                    + String.join("; ", problems));
        }
        if (!anyStored) {
            for (Shard shard : shards) {
                try (Connection c = shard.pool().getConnection();
                     PreparedStatement ps = c.prepareStatement(
                             "INSERT INTO dynamo_topology (id, shard_name, ring, version) VALUES (1, ?, ?, 1)")) {
                    ps.setString(1, shard.name());
                    ps.setString(2, ringText);
                    ps.executeUpdate();
                } catch (SQLException e) {
                    throw storageError("record the ring on shard " + shard.name(), e);
                }
            }
        }
    }

    private static String describeRing(String ringText) {
        String firstLine = ringText.lines().findFirst().orElse("");
        return "'" + (firstLine.length() > 120 ? firstLine.substring(0, 120) + "..." : firstLine) + "'";
    }

    private static String[] readTopology(Shard shard) {
        try (Connection c = shard.pool().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT shard_name, ring FROM dynamo_topology WHERE id = 1")) {
            return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
        } catch (SQLException e) {
            throw storageError("read the ring of shard " + shard.name(), e);
        }
    }

    /** The version of the ring stored on the first shard (1 until a resharding). */
    long ringVersion() {
        RingState state = readRingState();
        return state == null ? 0 : state.version();
    }

    /** The ring stored on the first reachable shard, or null when none stores one. */
    RingState readRingState() {
        SQLException last = null;
        for (Shard shard : shards) {
            try (Connection c = shard.pool().getConnection(); Statement s = c.createStatement()) {
                String ring;
                long version;
                try (ResultSet rs = s.executeQuery("SELECT ring, version FROM dynamo_topology WHERE id = 1")) {
                    if (!rs.next()) {
                        return null;
                    }
                    ring = rs.getString(1);
                    version = rs.getLong(2);
                }
                Map<String, String> urls = new LinkedHashMap<>();
                if (version > 1) {
                    try (ResultSet rs = s.executeQuery("SELECT name, url FROM dynamo_shards")) {
                        while (rs.next()) {
                            urls.put(rs.getString(1), rs.getString(2));
                        }
                    }
                }
                return new RingState(version, ring, urls);
            } catch (SQLException e) {
                last = e;
            }
        }
        throw storageError("read the stored ring", last);
    }

    /** Every table in the catalog, read from the first shard. */
    public List<TableDef> loadTables() {
        List<TableDef> tables = new ArrayList<>();
        try (Connection c = shards.get(0).pool().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT definition FROM dynamo_catalog ORDER BY id")) {
            while (rs.next()) {
                tables.add(CatalogJson.read(rs.getString(1)));
            }
        } catch (SQLException e) {
            throw storageError("read the catalog", e);
        }
        return tables;
    }

    /**
     * Creates a table on every shard and records it in every catalog. Returns the stored
     * definition (with its id), or the existing one when {@code ifNotExists} and it exists.
     */
    public TableDef createTable(TableDef requested, boolean ifNotExists) {
        return withDdlLock(() -> {
            List<TableDef> existing = loadTables();
            for (TableDef t : existing) {
                if (t.name().equals(requested.name())) {
                    if (ifNotExists) {
                        return t;
                    }
                    throw ErrorCode.TABLE_EXISTS.error(requested.name());
                }
            }
            long id = existing.stream().mapToLong(TableDef::id).max().orElse(0) + 1;
            TableDef table = new TableDef(id, requested.name(), requested.partitionKey(), requested.sortKey(),
                    requested.attributes(), requested.indexes(), 1);
            List<Shard> done = new ArrayList<>();
            try {
                for (Shard shard : shards) {
                    done.add(shard);
                    createOn(shard, table);
                }
            } catch (DynamoException e) {
                done.forEach(shard -> dropOnQuietly(shard, table));
                throw e;
            }
            return table;
        });
    }

    /**
     * Creates on a shard joining the ring the system tables and every table's physical tables with
     * their change-log triggers (copying a table's definition would not copy its triggers).
     */
    void createPhysicalTables(Shard shard, java.util.Collection<TableDef> tables) throws SQLException {
        try (Connection c = shard.pool().getConnection(); Statement s = c.createStatement()) {
            s.execute(PhysicalSchema.CREATE_CHANGES);
            for (TableDef table : tables) {
                s.execute(PhysicalSchema.createItemTable(table));
                IndexDdl.createGlobalIndexes(s, table, table.globalIndexes());
            }
        }
    }

    private static void createOn(Shard shard, TableDef table) {
        try (Connection c = shard.pool().getConnection(); Statement s = c.createStatement()) {
            s.execute(PhysicalSchema.createItemTable(table));
            IndexDdl.createGlobalIndexes(s, table, table.globalIndexes());
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO dynamo_catalog (id, name, definition, version) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, table.id());
                ps.setString(2, table.name());
                ps.setString(3, CatalogJson.write(table));
                ps.setLong(4, table.version());
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw storageError("create table " + table.name() + " on shard " + shard.name(), e);
        }
    }

    /** Drops a table from every shard; false when it did not exist. */
    public boolean dropTable(String name) {
        return withDdlLock(() -> {
            TableDef table = loadTables().stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
            if (table == null) {
                return false;
            }
            for (Shard shard : shards) {
                try (Connection c = shard.pool().getConnection(); Statement s = c.createStatement();
                     PreparedStatement ps = c.prepareStatement("DELETE FROM dynamo_catalog WHERE id = ?")) {
                    ps.setLong(1, table.id());
                    ps.executeUpdate();
                    // Under the shard's applier lock: no applier is halfway through a batch of this
                    // table's changes when its index tables and pending changes go (its id may be reused).
                    GsiApplier.withShardLock(c, true, () -> {
                        s.execute(PhysicalSchema.dropItemTable(table));
                        IndexDdl.dropGlobalIndexes(s, table);
                        return null;
                    });
                } catch (SQLException e) {
                    throw storageError("drop table " + name + " on shard " + shard.name(), e);
                }
            }
            return true;
        });
    }

    private static void dropOnQuietly(Shard shard, TableDef table) {
        try (Connection c = shard.pool().getConnection(); Statement s = c.createStatement();
             PreparedStatement ps = c.prepareStatement("DELETE FROM dynamo_catalog WHERE id = ?")) {
            ps.setLong(1, table.id());
            ps.executeUpdate();
            s.execute(PhysicalSchema.dropItemTable(table));
            IndexDdl.dropGlobalIndexes(s, table);
        } catch (SQLException e) {
            // Undo is best effort; the error that made us undo is the one the caller sees.
        }
    }

    /**
     * Adds a global index to a table (CREATE GLOBAL INDEX): its table and the change-log
     * triggers on every shard, then the definition with the index CREATING in every catalog.
     * From here on every write of the table is logged for it; the caller backfills, then
     * calls {@link #setIndexState}. Returns the stored index (numbered under the lock).
     */
    public IndexDef addGlobalIndex(String tableName, IndexDef requested) {
        return withDdlLock(() -> {
            TableDef table = existing(tableName);
            if (table.index(requested.name()).isPresent()) {
                throw ErrorCode.VALIDATION.error("One or more parameter values were invalid: Index with name "
                        + requested.name() + " already exists");
            }
            int number = table.indexes().stream().mapToInt(IndexDef::number).max().orElse(0) + 1;
            IndexDef index = new IndexDef(requested.name(), true, number, requested.partitionKey(),
                    requested.sortKey(), requested.projection(), requested.include(), IndexDef.IndexState.CREATING);
            List<IndexDef> indexes = new ArrayList<>(table.indexes());
            indexes.add(index);
            TableDef updated = withIndexes(table, indexes);
            for (Shard shard : shards) {
                try (Connection c = shard.pool().getConnection(); Statement s = c.createStatement()) {
                    IndexDdl.createGlobalIndexes(s, updated, List.of(index));
                } catch (SQLException e) {
                    throw storageError("create index " + index.name() + " on shard " + shard.name(), e);
                }
            }
            writeDefinition(updated);
            return index;
        });
    }

    /** Marks an index ACTIVE (its backfill is done) in every catalog. */
    public void setIndexState(String tableName, String indexName, IndexDef.IndexState state) {
        withDdlLock(() -> {
            TableDef table = existing(tableName);
            List<IndexDef> indexes = new ArrayList<>();
            for (IndexDef index : table.indexes()) {
                indexes.add(index.name().equals(indexName) ? index.withState(state) : index);
            }
            writeDefinition(withIndexes(table, indexes));
            return null;
        });
    }

    /**
     * Drops a global index: out of every catalog first (readers and the applier stop using it),
     * then its tables, then the change-log triggers when the table has no global index left.
     * Local indexes live and die with their table, as in DynamoDB.
     */
    public void dropIndex(String tableName, String indexName) {
        withDdlLock(() -> {
            TableDef table = existing(tableName);
            IndexDef index = table.index(indexName).orElseThrow(() -> ErrorCode.INDEX_NOT_FOUND.error(
                    "Requested resource not found: Index: " + indexName + " not found"));
            if (!index.global()) {
                throw ErrorCode.VALIDATION.error("One or more parameter values were invalid: Local secondary index "
                        + indexName + " cannot be dropped; local indexes are dropped with their table");
            }
            List<IndexDef> indexes = new ArrayList<>(table.indexes());
            indexes.remove(index);
            TableDef updated = withIndexes(table, indexes);
            writeDefinition(updated);
            for (Shard shard : shards) {
                try (Connection c = shard.pool().getConnection(); Statement s = c.createStatement()) {
                    // Under the applier lock, as for DROP TABLE: the index number may be reused.
                    GsiApplier.withShardLock(c, true, () -> {
                        IndexDdl.dropGlobalIndex(s, updated, index);
                        return null;
                    });
                } catch (SQLException e) {
                    throw storageError("drop index " + indexName + " on shard " + shard.name(), e);
                }
            }
            return null;
        });
    }

    private TableDef existing(String tableName) {
        return loadTables().stream().filter(t -> t.name().equals(tableName)).findFirst()
                .orElseThrow(() -> ErrorCode.TABLE_NOT_FOUND.error(tableName));
    }

    private static TableDef withIndexes(TableDef table, List<IndexDef> indexes) {
        return new TableDef(table.id(), table.name(), table.partitionKey(), table.sortKey(), table.attributes(),
                indexes, table.version() + 1);
    }

    private void writeDefinition(TableDef table) {
        for (Shard shard : shards) {
            try (Connection c = shard.pool().getConnection();
                 PreparedStatement ps = c.prepareStatement(
                         "UPDATE dynamo_catalog SET definition = ?, version = ? WHERE id = ?")) {
                ps.setString(1, CatalogJson.write(table));
                ps.setLong(2, table.version());
                ps.setLong(3, table.id());
                ps.executeUpdate();
            } catch (SQLException e) {
                throw storageError("update the catalog of " + table.name() + " on shard " + shard.name(), e);
            }
        }
    }

    private <T> T withDdlLock(DdlAction<T> action) {
        try (Connection lockHolder = shards.get(0).pool().getConnection()) {
            try (PreparedStatement ps = lockHolder.prepareStatement("SELECT GET_LOCK(?, 30)")) {
                ps.setString(1, DDL_LOCK);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getInt(1) != 1) {
                        throw ErrorCode.TRANSACTION_CONFLICT.error("Another client is changing the catalog; try again");
                    }
                }
            }
            try {
                return action.run();
            } finally {
                try (PreparedStatement ps = lockHolder.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                    ps.setString(1, DDL_LOCK);
                    ps.executeQuery().close();
                }
            }
        } catch (SQLException e) {
            throw storageError("take the catalog lock", e);
        }
    }

    static DynamoException storageError(String what, SQLException e) {
        String state = e.getSQLState();
        ErrorCode code = state != null && state.startsWith("08") ? ErrorCode.CONNECTION_FAILED : ErrorCode.INTERNAL;
        return new DynamoException(code, "Cannot " + what + ": " + e.getMessage(), e);
    }

    /** Catalog work done under the DDL lock. */
    @FunctionalInterface
    private interface DdlAction<T> {
        T run();
    }
}
