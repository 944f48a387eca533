package dev.jdbcdynamo.driver;

import static java.util.Comparator.comparing;

import dev.jdbcdynamo.driver.storage.DiscoveredColumns;
import dev.jdbcdynamo.planner.catalog.IndexDef;
import dev.jdbcdynamo.planner.catalog.KeyAttribute;
import dev.jdbcdynamo.planner.catalog.KeyType;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.plan.Language;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a jdbc:dynamo database is and holds, for tools such as DBeaver and BI tools.
 *
 * <p>Mapping: a database has no catalogs and no schemas. {@link #getCatalogs()} and
 * {@link #getSchemas()} are empty (with their standard columns) and every row names its table
 * with TABLE_CAT and TABLE_SCHEM null, as {@link DynamoConnection#getCatalog()} and
 * {@code getSchema()} report; DBeaver then lists the tables directly under the connection, as it
 * does for SQLite. A catalog argument of null or "" and a schema pattern that matches "" (null,
 * "", "%") select the tables; any other value selects nothing. Each DynamoDB table is a TABLE;
 * its columns are its typed attributes (keys first) and the {@value ResultShape#ITEM_COLUMN}
 * column that holds the whole item, as in {@code SELECT *}.
 */
final class DynamoDatabaseMetaData implements DatabaseMetaData {
    private static final String PRODUCT = "jdbc:dynamo";
    /** DynamoDB's limit on an item, and so on any one attribute value. */
    private static final int ITEM_BYTES = 400 * 1024;
    private static final int PARTITION_KEY_BYTES = 2048;
    private static final int SORT_KEY_BYTES = 1024;
    private static final int NUMBER_DIGITS = 38;

    private static final List<MetadataResultSet.Column> CATALOGS = MetadataResultSet.Column.list("TABLE_CAT");
    private static final List<MetadataResultSet.Column> SCHEMAS =
            MetadataResultSet.Column.list("TABLE_SCHEM TABLE_CATALOG");
    private static final List<MetadataResultSet.Column> TABLE_TYPES = MetadataResultSet.Column.list("TABLE_TYPE");
    private static final List<MetadataResultSet.Column> TABLES = MetadataResultSet.Column.list(
            "TABLE_CAT TABLE_SCHEM TABLE_NAME TABLE_TYPE REMARKS TYPE_CAT TYPE_SCHEM TYPE_NAME"
                    + " SELF_REFERENCING_COL_NAME REF_GENERATION");
    private static final List<MetadataResultSet.Column> COLUMNS = MetadataResultSet.Column.list(
            "TABLE_CAT TABLE_SCHEM TABLE_NAME COLUMN_NAME DATA_TYPE:INTEGER TYPE_NAME COLUMN_SIZE:INTEGER"
                    + " BUFFER_LENGTH:INTEGER DECIMAL_DIGITS:INTEGER NUM_PREC_RADIX:INTEGER NULLABLE:INTEGER REMARKS"
                    + " COLUMN_DEF SQL_DATA_TYPE:INTEGER SQL_DATETIME_SUB:INTEGER CHAR_OCTET_LENGTH:INTEGER"
                    + " ORDINAL_POSITION:INTEGER IS_NULLABLE SCOPE_CATALOG SCOPE_SCHEMA SCOPE_TABLE"
                    + " SOURCE_DATA_TYPE:SMALLINT IS_AUTOINCREMENT IS_GENERATEDCOLUMN");
    private static final List<MetadataResultSet.Column> PRIMARY_KEYS = MetadataResultSet.Column.list(
            "TABLE_CAT TABLE_SCHEM TABLE_NAME COLUMN_NAME KEY_SEQ:SMALLINT PK_NAME");
    private static final List<MetadataResultSet.Column> INDEX_INFO = MetadataResultSet.Column.list(
            "TABLE_CAT TABLE_SCHEM TABLE_NAME NON_UNIQUE:BOOLEAN INDEX_QUALIFIER INDEX_NAME TYPE:SMALLINT"
                    + " ORDINAL_POSITION:SMALLINT COLUMN_NAME ASC_OR_DESC CARDINALITY:BIGINT PAGES:BIGINT"
                    + " FILTER_CONDITION");
    private static final List<MetadataResultSet.Column> ROW_IDENTIFIER = MetadataResultSet.Column.list(
            "SCOPE:SMALLINT COLUMN_NAME DATA_TYPE:INTEGER TYPE_NAME COLUMN_SIZE:INTEGER BUFFER_LENGTH:INTEGER"
                    + " DECIMAL_DIGITS:SMALLINT PSEUDO_COLUMN:SMALLINT");
    private static final List<MetadataResultSet.Column> KEYS = MetadataResultSet.Column.list(
            "PKTABLE_CAT PKTABLE_SCHEM PKTABLE_NAME PKCOLUMN_NAME FKTABLE_CAT FKTABLE_SCHEM FKTABLE_NAME"
                    + " FKCOLUMN_NAME KEY_SEQ:SMALLINT UPDATE_RULE:SMALLINT DELETE_RULE:SMALLINT FK_NAME PK_NAME"
                    + " DEFERRABILITY:SMALLINT");
    private static final List<MetadataResultSet.Column> TYPE_INFO = MetadataResultSet.Column.list(
            "TYPE_NAME DATA_TYPE:INTEGER PRECISION:INTEGER LITERAL_PREFIX LITERAL_SUFFIX CREATE_PARAMS"
                    + " NULLABLE:SMALLINT CASE_SENSITIVE:BOOLEAN SEARCHABLE:SMALLINT UNSIGNED_ATTRIBUTE:BOOLEAN"
                    + " FIXED_PREC_SCALE:BOOLEAN AUTO_INCREMENT:BOOLEAN LOCAL_TYPE_NAME MINIMUM_SCALE:SMALLINT"
                    + " MAXIMUM_SCALE:SMALLINT SQL_DATA_TYPE:INTEGER SQL_DATETIME_SUB:INTEGER NUM_PREC_RADIX:INTEGER");
    private static final List<MetadataResultSet.Column> PROCEDURES = MetadataResultSet.Column.list(
            "PROCEDURE_CAT PROCEDURE_SCHEM PROCEDURE_NAME RESERVED1 RESERVED2 RESERVED3 REMARKS"
                    + " PROCEDURE_TYPE:SMALLINT SPECIFIC_NAME");
    private static final List<MetadataResultSet.Column> PROCEDURE_COLUMNS = MetadataResultSet.Column.list(
            "PROCEDURE_CAT PROCEDURE_SCHEM PROCEDURE_NAME COLUMN_NAME COLUMN_TYPE:SMALLINT DATA_TYPE:INTEGER"
                    + " TYPE_NAME PRECISION:INTEGER LENGTH:INTEGER SCALE:SMALLINT RADIX:SMALLINT NULLABLE:SMALLINT"
                    + " REMARKS COLUMN_DEF SQL_DATA_TYPE:INTEGER SQL_DATETIME_SUB:INTEGER CHAR_OCTET_LENGTH:INTEGER"
                    + " ORDINAL_POSITION:INTEGER IS_NULLABLE SPECIFIC_NAME");
    private static final List<MetadataResultSet.Column> FUNCTIONS = MetadataResultSet.Column.list(
            "FUNCTION_CAT FUNCTION_SCHEM FUNCTION_NAME REMARKS FUNCTION_TYPE:SMALLINT SPECIFIC_NAME");
    private static final List<MetadataResultSet.Column> FUNCTION_COLUMNS = MetadataResultSet.Column.list(
            "FUNCTION_CAT FUNCTION_SCHEM FUNCTION_NAME COLUMN_NAME COLUMN_TYPE:SMALLINT DATA_TYPE:INTEGER"
                    + " TYPE_NAME PRECISION:INTEGER LENGTH:INTEGER SCALE:SMALLINT RADIX:SMALLINT NULLABLE:SMALLINT"
                    + " REMARKS CHAR_OCTET_LENGTH:INTEGER ORDINAL_POSITION:INTEGER IS_NULLABLE SPECIFIC_NAME");
    private static final List<MetadataResultSet.Column> TABLE_PRIVILEGES = MetadataResultSet.Column.list(
            "TABLE_CAT TABLE_SCHEM TABLE_NAME GRANTOR GRANTEE PRIVILEGE IS_GRANTABLE");
    private static final List<MetadataResultSet.Column> COLUMN_PRIVILEGES = MetadataResultSet.Column.list(
            "TABLE_CAT TABLE_SCHEM TABLE_NAME COLUMN_NAME GRANTOR GRANTEE PRIVILEGE IS_GRANTABLE");
    private static final List<MetadataResultSet.Column> UDTS = MetadataResultSet.Column.list(
            "TYPE_CAT TYPE_SCHEM TYPE_NAME CLASS_NAME DATA_TYPE:INTEGER REMARKS BASE_TYPE:SMALLINT");
    private static final List<MetadataResultSet.Column> SUPER_TYPES = MetadataResultSet.Column.list(
            "TYPE_CAT TYPE_SCHEM TYPE_NAME SUPERTYPE_CAT SUPERTYPE_SCHEM SUPERTYPE_NAME");
    private static final List<MetadataResultSet.Column> SUPER_TABLES = MetadataResultSet.Column.list(
            "TABLE_CAT TABLE_SCHEM TABLE_NAME SUPERTABLE_NAME");
    private static final List<MetadataResultSet.Column> ATTRIBUTES = MetadataResultSet.Column.list(
            "TYPE_CAT TYPE_SCHEM TYPE_NAME ATTR_NAME DATA_TYPE:INTEGER ATTR_TYPE_NAME ATTR_SIZE:INTEGER"
                    + " DECIMAL_DIGITS:INTEGER NUM_PREC_RADIX:INTEGER NULLABLE:INTEGER REMARKS ATTR_DEF"
                    + " SQL_DATA_TYPE:INTEGER SQL_DATETIME_SUB:INTEGER CHAR_OCTET_LENGTH:INTEGER"
                    + " ORDINAL_POSITION:INTEGER IS_NULLABLE SCOPE_CATALOG SCOPE_SCHEMA SCOPE_TABLE"
                    + " SOURCE_DATA_TYPE:SMALLINT");
    private static final List<MetadataResultSet.Column> PSEUDO_COLUMNS = MetadataResultSet.Column.list(
            "TABLE_CAT TABLE_SCHEM TABLE_NAME COLUMN_NAME DATA_TYPE:INTEGER COLUMN_SIZE:INTEGER"
                    + " DECIMAL_DIGITS:INTEGER NUM_PREC_RADIX:INTEGER COLUMN_USAGE REMARKS CHAR_OCTET_LENGTH:INTEGER"
                    + " IS_NULLABLE");
    private static final List<MetadataResultSet.Column> CLIENT_INFO = MetadataResultSet.Column.list(
            "NAME MAX_LEN:INTEGER DEFAULT_VALUE DESCRIPTION");

    /**
     * Words of DynamoDB's PartiQL and of this driver's DDL that are not SQL:2003 keywords (VALUE,
     * EXISTS, PARTITION, GLOBAL, LOCAL, KEY are SQL:2003's and so not repeated here).
     */
    private static final String KEYWORDS = String.join(",", "BAG", "BIT", "BOOL", "CONFLICT", "DATE_ADD",
            "DATE_DIFF", "EXPLAIN", "INCLUDE", "INDEX", "KEYS_ONLY", "LET", "LIMIT", "LIST", "MISSING", "MODIFIED",
            "NOTHING", "PIVOT", "PROJECTION", "REMOVE", "RETURNING", "SEXP", "SORT", "STRING", "STRUCT", "SYMBOL",
            "TUPLE", "UNPIVOT");

    private static final String ALL_TABLES = "%";

    private final DynamoConnection connection;
    private final boolean sql;

    DynamoDatabaseMetaData(DynamoConnection connection) {
        this.connection = connection;
        this.sql = Language.of(ConnectionProperty.LANGUAGE.get(connection.url().properties())) == Language.SQL;
    }

    // ---- tables and columns ----

    @Override
    public ResultSet getCatalogs() {
        return MetadataResultSet.empty(CATALOGS);
    }

    @Override
    public ResultSet getSchemas() {
        return MetadataResultSet.empty(SCHEMAS);
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) {
        return MetadataResultSet.empty(SCHEMAS);
    }

    @Override
    public ResultSet getTableTypes() {
        return new MetadataResultSet(TABLE_TYPES, List.<Object[]>of(new Object[] {"TABLE"}));
    }

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        if (types == null || List.of(types).stream().anyMatch("TABLE"::equalsIgnoreCase)) {
            refreshCatalog();
            for (TableDef table : tables(catalog, schemaPattern, NamePattern.of(tableNamePattern))) {
                rows.add(new Object[] {null, null, table.name(), "TABLE", describe(table), null, null, null, null,
                        null});
            }
        }
        return new MetadataResultSet(TABLES, rows);
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern,
                                String columnNamePattern) throws SQLException {
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
        return new MetadataResultSet(COLUMNS, rows);
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
            return connection.database().discoveredColumns().reload(table);
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

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (TableDef t : namedTables(catalog, schema, table)) {
            List<KeyAttribute> keys = t.keyAttributes().stream().sorted(comparing(KeyAttribute::name)).toList();
            for (KeyAttribute key : keys) {
                rows.add(new Object[] {null, null, t.name(), key.name(), t.keyAttributes().indexOf(key) + 1,
                        "PRIMARY"});
            }
        }
        return new MetadataResultSet(PRIMARY_KEYS, rows);
    }

    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
            throws SQLException {
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
        return new MetadataResultSet(INDEX_INFO, rows);
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

    @Override
    public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (TableDef t : namedTables(catalog, schema, table)) {
            for (KeyAttribute key : t.keyAttributes()) {
                Object[] column = column(t, key, 0);
                rows.add(new Object[] {bestRowSession, key.name(), column[4], column[5], column[6], null, null,
                        bestRowNotPseudo});
            }
        }
        return new MetadataResultSet(ROW_IDENTIFIER, rows);
    }

    @Override
    public ResultSet getTypeInfo() {
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
        return new MetadataResultSet(TYPE_INFO, rows);
    }

    private static Object[] type(String name, int sqlType, int precision, String quote, boolean caseSensitive,
                                 int searchable, String dynamoType, Integer radix) {
        boolean number = sqlType == Types.DECIMAL;
        return new Object[] {name, sqlType, precision, quote, quote, null, typeNullable, caseSensitive, searchable,
                false, false, false, dynamoType, number ? 0 : null, number ? NUMBER_DIGITS : null,
                null, null, radix};
    }

    @Override
    public ResultSet getClientInfoProperties() {
        return new MetadataResultSet(CLIENT_INFO, List.of(
                new Object[] {"ApplicationName", 255, null, "The name of the application using the connection"},
                new Object[] {"ClientHostname", 255, null, "The host name of the computer running the application"},
                new Object[] {"ClientUser", 255, null, "The user the application works for"}));
    }

    /** Reloads the table list so that tables another client created since show up. */
    private void refreshCatalog() throws SQLException {
        try {
            connection.database().refreshRouting();
        } catch (DynamoException e) {
            throw DynamoErrors.toSql(e);
        }
    }

    private List<TableDef> tables(String catalog, String schemaPattern, NamePattern names) {
        if (!inCatalog(catalog) || (schemaPattern != null && !NamePattern.of(schemaPattern).matches(""))) {
            return List.of();
        }
        return sorted(connection.database().tables().stream().filter(t -> names.matches(t.name())).toList());
    }

    /**
     * Tables by exact name (not a pattern); null or "%" means all tables, as tools expect ("%" is
     * never a table name: DynamoDB allows only letters, digits, '_', '-' and '.').
     */
    private List<TableDef> namedTables(String catalog, String schema, String table) {
        if (!inCatalog(catalog) || (schema != null && !schema.isEmpty())) {
            return List.of();
        }
        return sorted(connection.database().tables().stream()
                .filter(t -> table == null || ALL_TABLES.equals(table) || t.name().equals(table)).toList());
    }

    private static boolean inCatalog(String catalog) {
        return catalog == null || catalog.isEmpty();
    }

    private static List<TableDef> sorted(Collection<TableDef> tables) {
        return tables.stream().sorted(comparing(TableDef::name)).toList();
    }

    // ---- what this driver does not have: empty, with the standard columns (c: catalog, s: schema) ----

    @Override public ResultSet getImportedKeys(String c, String s, String table) { return empty(KEYS); }
    @Override public ResultSet getExportedKeys(String c, String s, String table) { return empty(KEYS); }
    @Override public ResultSet getVersionColumns(String c, String s, String table) { return empty(ROW_IDENTIFIER); }
    @Override public ResultSet getProcedures(String c, String s, String name) { return empty(PROCEDURES); }
    @Override public ResultSet getFunctions(String c, String s, String name) { return empty(FUNCTIONS); }
    @Override public ResultSet getTablePrivileges(String c, String s, String table) { return empty(TABLE_PRIVILEGES); }
    @Override public ResultSet getSuperTypes(String c, String s, String type) { return empty(SUPER_TYPES); }
    @Override public ResultSet getSuperTables(String c, String s, String table) { return empty(SUPER_TABLES); }
    @Override public ResultSet getUDTs(String c, String s, String type, int[] types) { return empty(UDTS); }

    @Override
    public ResultSet getCrossReference(String pc, String ps, String parent, String fc, String fs, String foreign) {
        return empty(KEYS);
    }

    @Override
    public ResultSet getProcedureColumns(String c, String s, String name, String column) {
        return empty(PROCEDURE_COLUMNS);
    }

    @Override
    public ResultSet getFunctionColumns(String c, String s, String name, String column) {
        return empty(FUNCTION_COLUMNS);
    }

    @Override
    public ResultSet getColumnPrivileges(String c, String s, String table, String column) {
        return empty(COLUMN_PRIVILEGES);
    }

    @Override
    public ResultSet getAttributes(String c, String s, String type, String attribute) {
        return empty(ATTRIBUTES);
    }

    @Override
    public ResultSet getPseudoColumns(String c, String s, String table, String column) {
        return empty(PSEUDO_COLUMNS);
    }

    private static ResultSet empty(List<MetadataResultSet.Column> columns) {
        return MetadataResultSet.empty(columns);
    }

    // ---- the product and the connection ----

    @Override public String getURL() { return connection.urlText(); }
    @Override public Connection getConnection() { return connection; }
    @Override public String getDatabaseProductName() { return PRODUCT; }
    @Override public String getDatabaseProductVersion() { return DynamoDriver.VERSION; }
    @Override public int getDatabaseMajorVersion() { return DynamoDriver.MAJOR_VERSION; }
    @Override public int getDatabaseMinorVersion() { return DynamoDriver.MINOR_VERSION; }
    @Override public String getDriverName() { return PRODUCT; }
    @Override public String getDriverVersion() { return DynamoDriver.VERSION; }
    @Override public int getDriverMajorVersion() { return DynamoDriver.MAJOR_VERSION; }
    @Override public int getDriverMinorVersion() { return DynamoDriver.MINOR_VERSION; }
    @Override public int getJDBCMajorVersion() { return 4; }
    @Override public int getJDBCMinorVersion() { return 2; }
    @Override public int getSQLStateType() { return sqlStateSQL; }
    @Override public boolean isReadOnly() { return false; }
    @Override public boolean usesLocalFiles() { return false; }
    @Override public boolean usesLocalFilePerTable() { return false; }
    @Override public RowIdLifetime getRowIdLifetime() { return RowIdLifetime.ROWID_UNSUPPORTED; }

    @Override
    public String getUserName() {
        String user = ConnectionProperty.USER.get(connection.url().properties());
        return user == null ? "" : user;
    }

    // ---- names, quoting and the dialect ----

    @Override public String getIdentifierQuoteString() { return "\""; }
    @Override public String getSearchStringEscape() { return NamePattern.ESCAPE; }
    @Override public String getExtraNameCharacters() { return ""; }
    @Override public String getSQLKeywords() { return KEYWORDS; }
    @Override public String getNumericFunctions() { return ""; }
    @Override public String getStringFunctions() { return "begins_with,contains,size"; }
    @Override public String getSystemFunctions() { return "attribute_type,exists,list_append,set_add,set_delete"; }
    @Override public String getTimeDateFunctions() { return ""; }
    @Override public String getSchemaTerm() { return "schema"; }
    @Override public String getProcedureTerm() { return "procedure"; }
    @Override public String getCatalogTerm() { return "catalog"; }
    @Override public String getCatalogSeparator() { return "."; }
    @Override public boolean isCatalogAtStart() { return true; }
    // Names are case-sensitive, quoted or not. JDBC's storesMixedCase* means "case-insensitive but
    // stored as written", which is not what DynamoDB does, so those answer false.
    @Override public boolean supportsMixedCaseIdentifiers() { return true; }
    @Override public boolean supportsMixedCaseQuotedIdentifiers() { return true; }
    @Override public boolean storesMixedCaseIdentifiers() { return false; }
    @Override public boolean storesMixedCaseQuotedIdentifiers() { return false; }
    @Override public boolean storesUpperCaseIdentifiers() { return false; }
    @Override public boolean storesLowerCaseIdentifiers() { return false; }
    @Override public boolean storesUpperCaseQuotedIdentifiers() { return false; }
    @Override public boolean storesLowerCaseQuotedIdentifiers() { return false; }
    @Override public boolean supportsSchemasInDataManipulation() { return false; }
    @Override public boolean supportsSchemasInProcedureCalls() { return false; }
    @Override public boolean supportsSchemasInTableDefinitions() { return false; }
    @Override public boolean supportsSchemasInIndexDefinitions() { return false; }
    @Override public boolean supportsSchemasInPrivilegeDefinitions() { return false; }
    @Override public boolean supportsCatalogsInDataManipulation() { return false; }
    @Override public boolean supportsCatalogsInProcedureCalls() { return false; }
    @Override public boolean supportsCatalogsInTableDefinitions() { return false; }
    @Override public boolean supportsCatalogsInIndexDefinitions() { return false; }
    @Override public boolean supportsCatalogsInPrivilegeDefinitions() { return false; }

    // NULL and MISSING sort as Calcite sorts them: after every value in ascending order.
    @Override public boolean nullsAreSortedHigh() { return true; }
    @Override public boolean nullsAreSortedLow() { return false; }
    @Override public boolean nullsAreSortedAtStart() { return false; }
    @Override public boolean nullsAreSortedAtEnd() { return false; }
    @Override public boolean nullPlusNonNullIsNull() { return true; }

    // ---- grammar: PartiQL as DynamoDB has it; the 'sql' language adds aliases, aggregates, joins ----

    @Override public boolean allProceduresAreCallable() { return true; }
    @Override public boolean allTablesAreSelectable() { return true; }
    @Override public boolean supportsAlterTableWithAddColumn() { return false; }
    @Override public boolean supportsAlterTableWithDropColumn() { return false; }
    @Override public boolean supportsColumnAliasing() { return sql; }
    @Override public boolean supportsConvert() { return false; }
    @Override public boolean supportsConvert(int fromType, int toType) { return false; }
    @Override public boolean supportsTableCorrelationNames() { return sql; }
    @Override public boolean supportsDifferentTableCorrelationNames() { return false; }
    @Override public boolean supportsExpressionsInOrderBy() { return sql; }
    @Override public boolean supportsOrderByUnrelated() { return true; }
    @Override public boolean supportsGroupBy() { return sql; }
    @Override public boolean supportsGroupByUnrelated() { return sql; }
    @Override public boolean supportsGroupByBeyondSelect() { return sql; }
    @Override public boolean supportsLikeEscapeClause() { return false; }
    @Override public boolean supportsMultipleResultSets() { return false; }
    @Override public boolean supportsMultipleTransactions() { return true; }
    @Override public boolean supportsNonNullableColumns() { return true; }
    @Override public boolean supportsMinimumSQLGrammar() { return true; }
    @Override public boolean supportsCoreSQLGrammar() { return false; }
    @Override public boolean supportsExtendedSQLGrammar() { return false; }
    @Override public boolean supportsANSI92EntryLevelSQL() { return false; }
    @Override public boolean supportsANSI92IntermediateSQL() { return false; }
    @Override public boolean supportsANSI92FullSQL() { return false; }
    @Override public boolean supportsIntegrityEnhancementFacility() { return false; }
    @Override public boolean supportsOuterJoins() { return sql; }
    @Override public boolean supportsFullOuterJoins() { return false; }
    @Override public boolean supportsLimitedOuterJoins() { return sql; }
    @Override public boolean supportsPositionedDelete() { return false; }
    @Override public boolean supportsPositionedUpdate() { return false; }
    @Override public boolean supportsSelectForUpdate() { return false; }
    @Override public boolean supportsStoredProcedures() { return false; }
    @Override public boolean supportsSubqueriesInComparisons() { return false; }
    @Override public boolean supportsSubqueriesInExists() { return false; }
    @Override public boolean supportsSubqueriesInIns() { return false; }
    @Override public boolean supportsSubqueriesInQuantifieds() { return false; }
    @Override public boolean supportsCorrelatedSubqueries() { return false; }
    @Override public boolean supportsUnion() { return false; }
    @Override public boolean supportsUnionAll() { return false; }
    @Override public boolean supportsStoredFunctionsUsingCallSyntax() { return false; }
    @Override public boolean supportsNamedParameters() { return false; }
    @Override public boolean supportsMultipleOpenResults() { return false; }
    @Override public boolean supportsGetGeneratedKeys() { return false; }
    @Override public boolean generatedKeyAlwaysReturned() { return false; }
    @Override public boolean supportsSavepoints() { return false; }
    @Override public boolean supportsBatchUpdates() { return false; }
    @Override public boolean supportsStatementPooling() { return false; }
    @Override public boolean locatorsUpdateCopy() { return false; }
    @Override public boolean autoCommitFailureClosesAllResultSets() { return false; }

    // ---- transactions ----

    @Override public boolean supportsTransactions() { return true; }
    @Override public int getDefaultTransactionIsolation() { return Connection.TRANSACTION_SERIALIZABLE; }
    @Override public boolean supportsDataDefinitionAndDataManipulationTransactions() { return false; }
    @Override public boolean supportsDataManipulationTransactionsOnly() { return true; }
    @Override public boolean dataDefinitionCausesTransactionCommit() { return false; }
    @Override public boolean dataDefinitionIgnoredInTransactions() { return false; }
    @Override public boolean supportsOpenCursorsAcrossCommit() { return false; }
    @Override public boolean supportsOpenCursorsAcrossRollback() { return false; }
    @Override public boolean supportsOpenStatementsAcrossCommit() { return true; }
    @Override public boolean supportsOpenStatementsAcrossRollback() { return true; }

    /** The levels {@link DynamoConnection#setTransactionIsolation} accepts; each runs serializable. */
    @Override
    public boolean supportsTransactionIsolationLevel(int level) {
        return level == Connection.TRANSACTION_SERIALIZABLE || level == Connection.TRANSACTION_REPEATABLE_READ
                || level == Connection.TRANSACTION_READ_COMMITTED;
    }

    // ---- result sets: forward-only and read-only ----

    @Override public boolean supportsResultSetType(int type) { return type == ResultSet.TYPE_FORWARD_ONLY; }
    @Override public int getResultSetHoldability() { return ResultSet.CLOSE_CURSORS_AT_COMMIT; }
    @Override public boolean ownUpdatesAreVisible(int type) { return false; }
    @Override public boolean ownDeletesAreVisible(int type) { return false; }
    @Override public boolean ownInsertsAreVisible(int type) { return false; }
    @Override public boolean othersUpdatesAreVisible(int type) { return false; }
    @Override public boolean othersDeletesAreVisible(int type) { return false; }
    @Override public boolean othersInsertsAreVisible(int type) { return false; }
    @Override public boolean updatesAreDetected(int type) { return false; }
    @Override public boolean deletesAreDetected(int type) { return false; }
    @Override public boolean insertsAreDetected(int type) { return false; }

    @Override
    public boolean supportsResultSetConcurrency(int type, int concurrency) {
        return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public boolean supportsResultSetHoldability(int holdability) {
        return holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    // ---- limits (0: none or unknown) ----

    @Override public int getMaxTableNameLength() { return 255; }
    /** DynamoDB allows attribute names up to 64 KB. */
    @Override public int getMaxColumnNameLength() { return 65535; }
    @Override public int getMaxRowSize() { return ITEM_BYTES; }
    @Override public boolean doesMaxRowSizeIncludeBlobs() { return true; }
    @Override public int getMaxColumnsInIndex() { return 2; }
    @Override public int getMaxTablesInSelect() { return sql ? 0 : 1; }
    @Override public int getMaxBinaryLiteralLength() { return 0; }
    @Override public int getMaxCharLiteralLength() { return 0; }
    @Override public int getMaxColumnsInGroupBy() { return 0; }
    @Override public int getMaxColumnsInOrderBy() { return 0; }
    @Override public int getMaxColumnsInSelect() { return 0; }
    @Override public int getMaxColumnsInTable() { return 0; }
    @Override public int getMaxConnections() { return 0; }
    @Override public int getMaxCursorNameLength() { return 0; }
    @Override public int getMaxIndexLength() { return 0; }
    @Override public int getMaxSchemaNameLength() { return 0; }
    @Override public int getMaxProcedureNameLength() { return 0; }
    @Override public int getMaxCatalogNameLength() { return 0; }
    @Override public int getMaxStatementLength() { return 0; }
    @Override public int getMaxStatements() { return 0; }
    @Override public int getMaxUserNameLength() { return 0; }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw DynamoErrors.unsupported("unwrap to " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
