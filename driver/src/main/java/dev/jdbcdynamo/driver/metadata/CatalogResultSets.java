package dev.jdbcdynamo.driver.metadata;

import static java.sql.DatabaseMetaData.bestRowNotPseudo;
import static java.sql.DatabaseMetaData.bestRowSession;
import static java.sql.DatabaseMetaData.columnNoNulls;
import static java.sql.DatabaseMetaData.columnNullable;
import static java.sql.DatabaseMetaData.tableIndexOther;
import static java.sql.DatabaseMetaData.typeNullable;
import static java.sql.DatabaseMetaData.typePredBasic;
import static java.sql.DatabaseMetaData.typePredNone;
import static java.util.Comparator.comparing;

import dev.jdbcdynamo.driver.error.DynamoErrors;
import dev.jdbcdynamo.driver.resultset.ResultShape;
import dev.jdbcdynamo.engine.storage.DiscoveredColumns;
import dev.jdbcdynamo.engine.storage.DynamoDatabase;
import dev.jdbcdynamo.planner.catalog.IndexDef;
import dev.jdbcdynamo.planner.catalog.KeyAttribute;
import dev.jdbcdynamo.planner.catalog.KeyType;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.error.DynamoException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@link DynamoDatabaseMetaData} result sets built from the database's catalog: tables,
 * columns (typed attributes, attributes found by ANALYZE TABLE, the item column), keys, indexes,
 * the best row identifier and the type list, with the catalog, schema and name arguments matched
 * as JDBC says.
 */
final class CatalogResultSets {
    /** DynamoDB's limit on an item, and so on any one attribute value. */
    static final int ITEM_BYTES = 400 * 1024;
    private static final int PARTITION_KEY_BYTES = 2048;
    private static final int SORT_KEY_BYTES = 1024;
    private static final int NUMBER_DIGITS = 38;
    private static final String ALL_TABLES = "%";

    private final DynamoDatabase database;

    CatalogResultSets(DynamoDatabase database) {
        this.database = database;
    }

    ResultSet tables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        if (types == null || List.of(types).stream().anyMatch("TABLE"::equalsIgnoreCase)) {
            refreshCatalog();
            for (TableDef table : tables(catalog, schemaPattern, NamePattern.of(tableNamePattern))) {
                rows.add(new Object[] {null, null, table.name(), "TABLE", describe(table), null, null, null, null,
                        null});
            }
        }
        return StandardColumns.TABLES.rows(rows);
    }

    ResultSet columns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
            throws SQLException {
        NamePattern names = NamePattern.of(columnNamePattern);
        List<Object[]> rows = new ArrayList<>();
        for (TableDef table : tables(catalog, schemaPattern, NamePattern.of(tableNamePattern))) {
            int position = 0;
            for (KeyAttribute attribute : table.typedAttributes()) {
                position++;
                if (names.matches(attribute.name())) {
                    rows.add(column(table, attribute, position));
                }
            }
            for (DiscoveredColumns.Column discovered : discoveredColumns(table)) {
                position++;
                if (names.matches(discovered.name())) {
                    rows.add(discoveredColumn(table, discovered, position));
                }
            }
            position++;
            if (names.matches(ResultShape.ITEM_COLUMN)) {
                rows.add(new Object[] {null, null, table.name(), ResultShape.ITEM_COLUMN, Types.VARCHAR, "JSON", null,
                        null, null, null, columnNullable, "The whole item as DynamoDB JSON", null, null, null, null,
                        position, "YES", null, null, null, null, "NO", "NO"});
            }
        }
        return StandardColumns.COLUMNS.rows(rows);
    }

    private static Object[] column(TableDef table, KeyAttribute attribute, int position) {
        boolean key = table.isKeyAttribute(attribute.name());
        int bytes = !key ? ITEM_BYTES : attribute.equals(table.partitionKey()) ? PARTITION_KEY_BYTES : SORT_KEY_BYTES;
        boolean number = attribute.type() == KeyType.N;
        Integer size = number ? NUMBER_DIGITS : bytes;
        Integer octets = number ? null : bytes;
        Integer radix = number ? 10 : null;
        return new Object[] {null, null, table.name(), attribute.name(), sqlType(attribute), attribute.type().ddlName(),
                size, null, null, radix, key ? columnNoNulls : columnNullable, remarks(table, attribute), null, null,
                null, octets, position, key ? "NO" : "YES", null, null, null, null, "NO", "NO"};
    }

    private List<DiscoveredColumns.Column> discoveredColumns(TableDef table) throws SQLException {
        try {
            return database.discoveredColumns().reload(table);
        } catch (DynamoException e) {
            throw DynamoErrors.toSql(e);
        }
    }

    /** An attribute found by ANALYZE TABLE: typed when every sampled value had one type, else ANY. */
    private static Object[] discoveredColumn(TableDef table, DiscoveredColumns.Column discovered, int position) {
        ResultShape.Column column = ResultShape.ofType(discovered.name(), discovered.type());
        boolean number = column.sqlType() == Types.DECIMAL;
        boolean bool = column.sqlType() == Types.BOOLEAN;
        Integer size = number ? NUMBER_DIGITS : bool ? 1 : ITEM_BYTES;
        String remarks = "Found by ANALYZE TABLE in " + discovered.items() + " sampled item(s)"
                + (column.sqlType() == Types.OTHER ? " with values of several types" : "");
        return new Object[] {null, null, table.name(), discovered.name(), column.sqlType(), column.typeName(), size,
                null, null, number ? 10 : null, columnNullable, remarks, null, null, null,
                number || bool ? null : ITEM_BYTES, position, "YES", null, null, null, null, "NO", "NO"};
    }

    private static int sqlType(KeyAttribute attribute) {
        return switch (attribute.type()) {
            case S -> Types.VARCHAR;
            case N -> Types.DECIMAL;
            case B -> Types.VARBINARY;
        };
    }

    private static String remarks(TableDef table, KeyAttribute attribute) {
        if (attribute.equals(table.partitionKey())) {
            return "Partition key";
        } else if (attribute.equals(table.sortKey())) {
            return "Sort key";
        }
        String indexes = table.indexes().stream()
                .filter(i -> attribute.equals(i.partitionKey()) || attribute.equals(i.sortKey()))
                .map(IndexDef::name).collect(Collectors.joining(", "));
        return indexes.isEmpty() ? null : "Key of index " + indexes;
    }

    private static String describe(TableDef table) {
        String keys = "Partition key " + table.partitionKey().name()
                + (table.hasSortKey() ? ", sort key " + table.sortKey().name() : "");
        return keys + table.indexes().stream()
                .map(i -> "; " + (i.global() ? "global" : "local") + " index " + i.name())
                .collect(Collectors.joining());
    }

    ResultSet primaryKeys(String catalog, String schema, String table) {
        List<Object[]> rows = new ArrayList<>();
        for (TableDef t : namedTables(catalog, schema, table)) {
            List<KeyAttribute> keys = t.keyAttributes().stream().sorted(comparing(KeyAttribute::name)).toList();
            for (KeyAttribute key : keys) {
                rows.add(new Object[] {null, null, t.name(), key.name(), t.keyAttributes().indexOf(key) + 1,
                        "PRIMARY"});
            }
        }
        return StandardColumns.PRIMARY_KEYS.rows(rows);
    }

    ResultSet indexInfo(String catalog, String schema, String table, boolean unique) {
        List<Object[]> rows = new ArrayList<>();
        for (TableDef t : namedTables(catalog, schema, table)) {
            addIndexRows(rows, t, "PRIMARY", false, t.partitionKey(), t.sortKey());
            if (!unique) {
                List<IndexDef> indexes = t.indexes().stream().sorted(comparing(IndexDef::name)).toList();
                for (IndexDef index : indexes) {
                    KeyAttribute partition = index.global() ? index.partitionKey() : t.partitionKey();
                    addIndexRows(rows, t, index.name(), true, partition, index.sortKey());
                }
            }
        }
        return StandardColumns.INDEX_INFO.rows(rows);
    }

    /** One row per key column; a partition key is hashed, so it has no sort order. */
    private static void addIndexRows(List<Object[]> rows, TableDef table, String name, boolean nonUnique,
                                     KeyAttribute partition, KeyAttribute sort) {
        rows.add(new Object[] {null, null, table.name(), nonUnique, null, name, tableIndexOther, 1, partition.name(),
                null, null, null, null});
        if (sort != null) {
            rows.add(new Object[] {null, null, table.name(), nonUnique, null, name, tableIndexOther, 2, sort.name(),
                    "A", null, null, null});
        }
    }

    ResultSet bestRowIdentifier(String catalog, String schema, String table) {
        List<Object[]> rows = new ArrayList<>();
        for (TableDef t : namedTables(catalog, schema, table)) {
            for (KeyAttribute key : t.keyAttributes()) {
                Object[] column = column(t, key, 0);
                rows.add(new Object[] {bestRowSession, key.name(), column[4], column[5], column[6], null, null,
                        bestRowNotPseudo});
            }
        }
        return StandardColumns.ROW_IDENTIFIER.rows(rows);
    }

    static ResultSet typeInfo() {
        List<Object[]> rows = List.of(
                type("BINARY", Types.VARBINARY, ITEM_BYTES, null, false, typePredBasic, "B", null),
                type("NUMBER", Types.DECIMAL, NUMBER_DIGITS, null, false, typePredBasic, "N", 10),
                type("STRING", Types.VARCHAR, ITEM_BYTES, "'", true, typePredBasic, "S", null),
                type("JSON", Types.VARCHAR, ITEM_BYTES, null, true, typePredNone, "M", null),
                type("BOOLEAN", Types.BOOLEAN, 1, null, false, typePredBasic, "BOOL", null),
                type("ANY", Types.OTHER, ITEM_BYTES, null, true, typePredNone, null, null),
                type("LIST", Types.ARRAY, ITEM_BYTES, null, false, typePredNone, "L", null),
                type("STRING_SET", Types.ARRAY, ITEM_BYTES, null, true, typePredNone, "SS", null),
                type("NUMBER_SET", Types.ARRAY, ITEM_BYTES, null, false, typePredNone, "NS", null),
                type("BINARY_SET", Types.ARRAY, ITEM_BYTES, null, false, typePredNone, "BS", null));
        return StandardColumns.TYPE_INFO.rows(rows);
    }

    private static Object[] type(String name, int sqlType, int precision, String quote, boolean caseSensitive,
                                 int searchable, String dynamoType, Integer radix) {
        boolean number = sqlType == Types.DECIMAL;
        return new Object[] {name, sqlType, precision, quote, quote, null, typeNullable, caseSensitive, searchable,
                false, false, false, dynamoType, number ? 0 : null, number ? NUMBER_DIGITS : null,
                null, null, radix};
    }

    /** Reloads the table list so that tables another client created since show up. */
    private void refreshCatalog() throws SQLException {
        try {
            database.refreshRouting();
        } catch (DynamoException e) {
            throw DynamoErrors.toSql(e);
        }
    }

    private List<TableDef> tables(String catalog, String schemaPattern, NamePattern names) {
        if (!inCatalog(catalog) || (schemaPattern != null && !NamePattern.of(schemaPattern).matches(""))) {
            return List.of();
        }
        return sorted(database.tables().stream().filter(t -> names.matches(t.name())).toList());
    }

    /**
     * Tables by exact name (not a pattern); null or "%" means all tables, as tools expect ("%" is
     * never a table name: DynamoDB allows only letters, digits, '_', '-' and '.').
     */
    private List<TableDef> namedTables(String catalog, String schema, String table) {
        if (!inCatalog(catalog) || (schema != null && !schema.isEmpty())) {
            return List.of();
        }
        return sorted(database.tables().stream()
                .filter(t -> table == null || ALL_TABLES.equals(table) || t.name().equals(table)).toList());
    }

    private static boolean inCatalog(String catalog) {
        return catalog == null || catalog.isEmpty();
    }

    private static List<TableDef> sorted(Collection<TableDef> tables) {
        return tables.stream().sorted(comparing(TableDef::name)).toList();
    }
}
