package dev.jdbcdynamo.engine.storage;

import dev.jdbcdynamo.engine.topology.Shard;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jdbcdynamo.planner.catalog.KeyAttribute;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The attributes found by sampling a table's items ({@code ANALYZE TABLE "T"}), beyond its keys
 * and declared attributes, each with the DynamoDB type its sampled values had ({@code *} when
 * they differed). Kept in {@code dynamo_columns} on every shard, one row per table, apart from
 * {@code dynamo_catalog} so that analysing a table never changes its definition or version (and
 * never rebuilds the routing). Read once per JVM per table, re-read by metadata calls.
 */
public final class DiscoveredColumns {
    /** One discovered attribute: its name, its DynamoDB type ({@code *} for mixed) and how many sampled items held it. */
    public record Column(String name, String type, int items) {
        public Column {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
        }
    }

    /** Items read per ANALYZE, spread over the shards. */
    public static final int SAMPLE_ITEMS = 1000;
    static final String MIXED = "*";
    private static final String CREATE = "CREATE TABLE IF NOT EXISTS dynamo_columns ("
            + "table_key VARCHAR(64) NOT NULL,"
            + " name VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,"
            + " columns LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,"
            + " sampled INT NOT NULL,"
            + " PRIMARY KEY (table_key, name)) ENGINE=InnoDB";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NO_SUCH_TABLE = 1146;

    private final List<Shard> shards;
    private final Map<String, List<Column>> cache = new ConcurrentHashMap<>();

    DiscoveredColumns(List<Shard> shards) {
        this.shards = List.copyOf(shards);
    }

    /** The discovered columns of a table, as last analysed (cached). */
    public List<Column> of(TableDef table) {
        return cache.computeIfAbsent(key(table), k -> read(table));
    }

    /** The discovered columns as stored now (what another client analysed since shows up). */
    public List<Column> reload(TableDef table) {
        List<Column> columns = read(table);
        cache.put(key(table), columns);
        return columns;
    }

    /** Samples the table's items on every shard and stores what it found; returns it. */
    public List<Column> analyze(TableDef table) {
        int perShard = Math.max(1, SAMPLE_ITEMS / shards.size());
        Map<String, Set<String>> types = new TreeMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Set<String> known = new HashSet<>();
        for (KeyAttribute a : table.typedAttributes()) {
            known.add(a.name());
        }
        int sampled = 0;
        for (Shard shard : shards) {
            try (Connection c = shard.pool().getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT item FROM " + table.physicalName() + " LIMIT ?")) {
                ps.setInt(1, perShard);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sampled++;
                        for (Map.Entry<String, AttributeValue> e : DynamoJson.readItem(rs.getString(1)).entrySet()) {
                            if (!known.contains(e.getKey()) && !(e.getValue() instanceof AttributeValue.Null)) {
                                types.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue().type());
                                counts.merge(e.getKey(), 1, Integer::sum);
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                throw CatalogStore.storageError("sample the items of " + table.name() + " on shard " + shard.name(), e);
            }
        }
        List<Column> columns = new ArrayList<>();
        types.forEach((name, seen) -> columns.add(new Column(name,
                seen.size() == 1 ? seen.iterator().next() : MIXED, counts.get(name))));
        write(table, columns, sampled);
        cache.put(key(table), List.copyOf(columns));
        return List.copyOf(columns);
    }

    /** Forgets a dropped table's columns. */
    void forget(TableDef table) {
        cache.remove(key(table));
        for (Shard shard : shards) {
            try (Connection c = shard.pool().getConnection();
                 PreparedStatement ps = c.prepareStatement("DELETE FROM dynamo_columns WHERE table_key = ?")) {
                ps.setString(1, key(table));
                ps.executeUpdate();
            } catch (SQLException e) {
                if (e.getErrorCode() != NO_SUCH_TABLE) {
                    throw CatalogStore.storageError("forget the columns of " + table.name(), e);
                }
            }
        }
    }

    private void write(TableDef table, List<Column> columns, int sampled) {
        String json;
        try {
            json = JSON.writeValueAsString(columns);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (Shard shard : shards) {
            try (Connection c = shard.pool().getConnection(); Statement s = c.createStatement()) {
                s.execute(CREATE);
                try (PreparedStatement ps = c.prepareStatement("REPLACE INTO dynamo_columns"
                        + " (table_key, name, columns, sampled) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, key(table));
                    ps.setString(2, table.name());
                    ps.setString(3, json);
                    ps.setInt(4, sampled);
                    ps.executeUpdate();
                }
            } catch (SQLException e) {
                throw CatalogStore.storageError("store the columns of " + table.name() + " on shard " + shard.name(),
                        e);
            }
        }
    }

    private List<Column> read(TableDef table) {
        Shard first = shards.get(0);
        try (Connection c = first.pool().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT columns FROM dynamo_columns WHERE table_key = ? AND name = ?")) {
            ps.setString(1, key(table));
            ps.setString(2, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return List.of();
                }
                return List.copyOf(JSON.readValue(rs.getString(1), new TypeReference<List<Column>>() { }));
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == NO_SUCH_TABLE) {
                return List.of();
            }
            throw CatalogStore.storageError("read the columns of " + table.name(), e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Unreadable dynamo_columns row for " + table.name(), e);
        }
    }

    private static String key(TableDef table) {
        return table.physicalName();
    }
}
