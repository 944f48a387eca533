package dev.jdbcdynamo.driver.metadata;

import static dev.jdbcdynamo.driver.metadata.StandardColumns.ATTRIBUTES;
import static dev.jdbcdynamo.driver.metadata.StandardColumns.CATALOGS;
import static dev.jdbcdynamo.driver.metadata.StandardColumns.CLIENT_INFO;
import static dev.jdbcdynamo.driver.metadata.StandardColumns.COLUMN_PRIVILEGES;
import static dev.jdbcdynamo.driver.metadata.StandardColumns.FUNCTIONS;
import static dev.jdbcdynamo.driver.metadata.StandardColumns.FUNCTION_COLUMNS;
import static dev.jdbcdynamo.driver.metadata.StandardColumns.KEYS;
import static dev.jdbcdynamo.driver.metadata.StandardColumns.PROCEDURES;
import static dev.jdbcdynamo.driver.metadata.StandardColumns.PROCEDURE_COLUMNS;
import static dev.jdbcdynamo.driver.metadata.StandardColumns.PSEUDO_COLUMNS;
import static dev.jdbcdynamo.driver.metadata.StandardColumns.ROW_IDENTIFIER;
import static dev.jdbcdynamo.driver.metadata.StandardColumns.SCHEMAS;
import static dev.jdbcdynamo.driver.metadata.StandardColumns.SUPER_TABLES;
import static dev.jdbcdynamo.driver.metadata.StandardColumns.SUPER_TYPES;
import static dev.jdbcdynamo.driver.metadata.StandardColumns.TABLE_PRIVILEGES;
import static dev.jdbcdynamo.driver.metadata.StandardColumns.TABLE_TYPES;
import static dev.jdbcdynamo.driver.metadata.StandardColumns.UDTS;

import dev.jdbcdynamo.driver.config.ConnectionProperty;
import dev.jdbcdynamo.driver.config.DynamoUrl;
import dev.jdbcdynamo.driver.error.JdbcWrapper;
import dev.jdbcdynamo.driver.resultset.ResultShape;
import dev.jdbcdynamo.engine.storage.DynamoDatabase;
import dev.jdbcdynamo.planner.plan.Language;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.util.List;

/**
 * What a jdbc:dynamo database is and holds, for tools such as DBeaver and BI tools.
 *
 * <p>Mapping: a database has no catalogs and no schemas. {@link #getCatalogs()} and
 * {@link #getSchemas()} are empty (with their standard columns) and every row names its table
 * with TABLE_CAT and TABLE_SCHEM null, as {@link Connection#getCatalog()} and
 * {@code getSchema()} report; DBeaver then lists the tables directly under the connection, as it
 * does for SQLite. A catalog argument of null or "" and a schema pattern that matches "" (null,
 * "", "%") select the tables; any other value selects nothing. Each DynamoDB table is a TABLE;
 * its columns are its typed attributes (keys first) and the {@value ResultShape#ITEM_COLUMN}
 * column that holds the whole item, as in {@code SELECT *}.
 *
 * <p>This class gives the dialect's answers (supports*, keywords, quoting, limits); the result
 * sets built from the catalog come from {@link CatalogResultSets}, with the columns of
 * {@link StandardColumns}.
 */
public final class DynamoDatabaseMetaData implements DatabaseMetaData, JdbcWrapper {
    private static final String PRODUCT = "jdbc:dynamo";

    /**
     * Words of DynamoDB's PartiQL and of this driver's DDL that are not SQL:2003 keywords (VALUE,
     * EXISTS, PARTITION, GLOBAL, LOCAL, KEY are SQL:2003's and so not repeated here).
     */
    private static final String KEYWORDS = String.join(",", "BAG", "BIT", "BOOL", "CONFLICT", "DATE_ADD",
            "DATE_DIFF", "EXPLAIN", "INCLUDE", "INDEX", "KEYS_ONLY", "LET", "LIMIT", "LIST", "MISSING", "MODIFIED",
            "NOTHING", "PIVOT", "PROJECTION", "REMOVE", "RETURNING", "SEXP", "SORT", "STRING", "STRUCT", "SYMBOL",
            "TUPLE", "UNPIVOT");

    private final Connection connection;
    private final DynamoUrl url;
    private final String urlText;
    private final CatalogResultSets catalogResults;
    private final boolean sql;

    /** The metadata of {@code connection}, opened on {@code database} with {@code url} (as given: {@code urlText}). */
    public DynamoDatabaseMetaData(Connection connection, DynamoDatabase database, DynamoUrl url, String urlText) {
        this.connection = connection;
        this.url = url;
        this.urlText = urlText;
        this.catalogResults = new CatalogResultSets(database);
        this.sql = url.language() == Language.SQL;
    }

    // ---- tables and columns ----

    @Override
    public ResultSet getCatalogs() {
        return CATALOGS.empty();
    }

    @Override
    public ResultSet getSchemas() {
        return SCHEMAS.empty();
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) {
        return SCHEMAS.empty();
    }

    @Override
    public ResultSet getTableTypes() {
        return TABLE_TYPES.rows(List.<Object[]>of(new Object[] {"TABLE"}));
    }

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        return catalogResults.tables(catalog, schemaPattern, tableNamePattern, types);
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern,
                                String columnNamePattern) throws SQLException {
        return catalogResults.columns(catalog, schemaPattern, tableNamePattern, columnNamePattern);
    }

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        return catalogResults.primaryKeys(catalog, schema, table);
    }

    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
            throws SQLException {
        return catalogResults.indexInfo(catalog, schema, table, unique);
    }

    @Override
    public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable)
            throws SQLException {
        return catalogResults.bestRowIdentifier(catalog, schema, table);
    }

    @Override
    public ResultSet getTypeInfo() {
        return CatalogResultSets.typeInfo();
    }

    @Override
    public ResultSet getClientInfoProperties() {
        return CLIENT_INFO.rows(List.of(
                new Object[] {"ApplicationName", 255, null, "The name of the application using the connection"},
                new Object[] {"ClientHostname", 255, null, "The host name of the computer running the application"},
                new Object[] {"ClientUser", 255, null, "The user the application works for"}));
    }

    // ---- what this driver does not have: empty, with the standard columns (c: catalog, s: schema) ----

    @Override public ResultSet getImportedKeys(String c, String s, String table) { return KEYS.empty(); }
    @Override public ResultSet getExportedKeys(String c, String s, String table) { return KEYS.empty(); }
    @Override public ResultSet getVersionColumns(String c, String s, String table) { return ROW_IDENTIFIER.empty(); }
    @Override public ResultSet getProcedures(String c, String s, String name) { return PROCEDURES.empty(); }
    @Override public ResultSet getFunctions(String c, String s, String name) { return FUNCTIONS.empty(); }
    @Override public ResultSet getTablePrivileges(String c, String s, String table) { return TABLE_PRIVILEGES.empty(); }
    @Override public ResultSet getSuperTypes(String c, String s, String type) { return SUPER_TYPES.empty(); }
    @Override public ResultSet getSuperTables(String c, String s, String table) { return SUPER_TABLES.empty(); }
    @Override public ResultSet getUDTs(String c, String s, String type, int[] types) { return UDTS.empty(); }

    @Override
    public ResultSet getCrossReference(String pc, String ps, String parent, String fc, String fs, String foreign) {
        return KEYS.empty();
    }

    @Override
    public ResultSet getProcedureColumns(String c, String s, String name, String column) {
        return PROCEDURE_COLUMNS.empty();
    }

    @Override
    public ResultSet getFunctionColumns(String c, String s, String name, String column) {
        return FUNCTION_COLUMNS.empty();
    }

    @Override
    public ResultSet getColumnPrivileges(String c, String s, String table, String column) {
        return COLUMN_PRIVILEGES.empty();
    }

    @Override
    public ResultSet getAttributes(String c, String s, String type, String attribute) {
        return ATTRIBUTES.empty();
    }

    @Override
    public ResultSet getPseudoColumns(String c, String s, String table, String column) {
        return PSEUDO_COLUMNS.empty();
    }

    // ---- the product and the connection ----

    @Override public String getURL() { return urlText; }
    @Override public Connection getConnection() { return connection; }
    @Override public String getDatabaseProductName() { return PRODUCT; }
    @Override public String getDatabaseProductVersion() { return DriverVersion.TEXT; }
    @Override public int getDatabaseMajorVersion() { return DriverVersion.MAJOR; }
    @Override public int getDatabaseMinorVersion() { return DriverVersion.MINOR; }
    @Override public String getDriverName() { return PRODUCT; }
    @Override public String getDriverVersion() { return DriverVersion.TEXT; }
    @Override public int getDriverMajorVersion() { return DriverVersion.MAJOR; }
    @Override public int getDriverMinorVersion() { return DriverVersion.MINOR; }
    @Override public int getJDBCMajorVersion() { return 4; }
    @Override public int getJDBCMinorVersion() { return 2; }
    @Override public int getSQLStateType() { return sqlStateSQL; }
    @Override public boolean isReadOnly() { return false; }
    @Override public boolean usesLocalFiles() { return false; }
    @Override public boolean usesLocalFilePerTable() { return false; }
    @Override public RowIdLifetime getRowIdLifetime() { return RowIdLifetime.ROWID_UNSUPPORTED; }

    @Override
    public String getUserName() {
        String user = url.settings().string(ConnectionProperty.USER);
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
    @Override public boolean supportsBatchUpdates() { return true; }
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

    /** The levels {@link Connection#setTransactionIsolation} accepts; each runs serializable. */
    @Override
    public boolean supportsTransactionIsolationLevel(int level) {
        return isolationLevelAccepted(level);
    }

    /** Every level but NONE: a weaker one runs as SERIALIZABLE, which the JDBC spec allows. */
    public static boolean isolationLevelAccepted(int level) {
        return level == Connection.TRANSACTION_SERIALIZABLE || level == Connection.TRANSACTION_REPEATABLE_READ
                || level == Connection.TRANSACTION_READ_COMMITTED || level == Connection.TRANSACTION_READ_UNCOMMITTED;
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
    @Override public int getMaxRowSize() { return CatalogResultSets.ITEM_BYTES; }
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

}
