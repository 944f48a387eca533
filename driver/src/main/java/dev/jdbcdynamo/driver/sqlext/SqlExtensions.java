package dev.jdbcdynamo.driver.sqlext;

import dev.jdbcdynamo.engine.Prepared;
import dev.jdbcdynamo.engine.SqlExtension;
import dev.jdbcdynamo.engine.error.StorageFailure;
import dev.jdbcdynamo.engine.exec.ExecutionResult;
import dev.jdbcdynamo.engine.exec.ShardItemSource;
import dev.jdbcdynamo.engine.storage.DynamoDatabase;
import dev.jdbcdynamo.engine.storage.Routing;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.plan.Plan;
import dev.jdbcdynamo.planner.sql.CatalogSchema;
import dev.jdbcdynamo.planner.sql.DynamoTypeSystem;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.JavaValues;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.jdbc.CalciteConnection;

/**
 * The SQL extensions of one JDBC connection: Calcite's own JDBC connection over a schema of the
 * catalog ({@link CatalogSchema}; tables read through {@link ShardItemSource}), rebuilt when the
 * catalog changes. Calcite parses, validates and optimises the statement and runs it with its
 * enumerable operators (generated and compiled with Janino); the key access paths are used where
 * a filter fixes the partition key. Identifiers are case-sensitive and quoted with double quotes,
 * as in PartiQL.
 */
public final class SqlExtensions implements SqlExtension {
    private static final String SCHEMA = "dynamo";

    private final DynamoDatabase database;
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, CountPushdown> counts = new java.util.HashMap<>();
    private Connection calcite;
    private Routing builtFor;

    public SqlExtensions(DynamoDatabase database) {
        this.database = database;
    }

    /** Prepares a SQL extension; null when Calcite cannot parse it either (the caller's error stands). */
    @Override
    public Prepared prepare(String sql, boolean mustParse) {
        Routing routing = database.routing();
        try {
            PreparedStatement ps = statement(sql);
            ResultSetMetaData md = ps.getMetaData();
            List<Plan.SqlColumn> columns = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(new Plan.SqlColumn(md.getColumnLabel(i), md.getColumnType(i), md.getColumnTypeName(i)));
            }
            int parameters = ps.getParameterMetaData().getParameterCount();
            return new Prepared(new Plan.SqlQuery(sql, columns), parameters, routing.generation());
        } catch (SQLException e) {
            if (!mustParse) {
                return null;
            }
            throw new DynamoException(ErrorCode.VALIDATION, "SQL: " + rootMessage(e), e);
        }
    }

    /**
     * Prepares {@code EXPLAIN <SQL extension>}: the explained statement prepared by Calcite, as the
     * plan an EXPLAIN shows; null when the text is not an EXPLAIN or Calcite cannot parse it.
     */
    @Override
    public Prepared prepareExplain(String sql, boolean mustParse) {
        String explained = SqlExplainer.explained(sql);
        Prepared inner = explained == null ? null : prepare(explained, mustParse);
        return inner == null ? null
                : new Prepared(new Plan.Explain(inner.plan()), inner.parameterCount(), inner.generation());
    }

    /** EXPLAIN rows of a prepared SQL extension ({@link SqlExplainer}). */
    @Override
    public List<Map<String, AttributeValue>> explain(Plan.SqlQuery query) {
        try {
            return explainRows(query);
        } catch (SQLException e) {
            throw StorageFailure.of(e);
        }
    }

    private List<Map<String, AttributeValue>> explainRows(Plan.SqlQuery query) throws SQLException {
        statement(query.sql()); // (re)opens Calcite's connection for the current catalog
        return SqlExplainer.explain(calcite, query.sql(), database);
    }

    /** Runs a prepared SQL extension; its rows become items named by the result's labels. */
    @Override
    public ExecutionResult run(Plan.SqlQuery query, List<AttributeValue> params) {
        try {
            return runQuery(query, params);
        } catch (SQLException e) {
            throw StorageFailure.of(e);
        }
    }

    private ExecutionResult runQuery(Plan.SqlQuery query, List<AttributeValue> params) throws SQLException {
        PreparedStatement ps = statement(query.sql());
        CountPushdown count = counts.get(query.sql());
        if (count != null && params.isEmpty() && query.columns().size() == 1) {
            try {
                return ExecutionResult.rows(List.of(Map.of(query.columns().get(0).label(),
                        new AttributeValue.N(BigDecimal.valueOf(count.count(database))))));
            } catch (SQLException e) {
                throw new DynamoException(ErrorCode.INTERNAL, "Counting items failed: " + e.getMessage(), e);
            }
        }
        java.sql.ParameterMetaData pm = ps.getParameterMetaData();
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, javaValue(params.get(i), pm.getParameterType(i + 1)));
        }
        List<Map<String, AttributeValue>> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, AttributeValue> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    if (value != null) {
                        row.put(md.getColumnLabel(i), JavaValues.fromJava(
                                value instanceof ByteString b ? b.getBytes() : value));
                    }
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            DynamoException cause = dynamoCause(e);
            if (cause != null) {
                throw cause;
            }
            throw new DynamoException(ErrorCode.VALIDATION, "SQL: " + rootMessage(e), e);
        }
        return ExecutionResult.rows(rows);
    }

    private PreparedStatement statement(String sql) throws SQLException {
        Routing routing = database.routing();
        if (calcite == null || builtFor != routing) {
            closeStatements();
            calcite = open(routing);
            builtFor = routing;
        }
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            org.apache.calcite.rel.RelNode[] plan = new org.apache.calcite.rel.RelNode[1];
            try (org.apache.calcite.runtime.Hook.Closeable hook = org.apache.calcite.runtime.Hook.PLAN_BEFORE_IMPLEMENTATION
                    .addThread((org.apache.calcite.rel.RelRoot root) -> plan[0] = root.rel)) {
                ps = calcite.prepareStatement(sql);
            }
            statements.put(sql, ps);
            CountPushdown count = plan[0] == null ? null : CountPushdown.of(plan[0]);
            if (count != null) {
                counts.put(sql, count);
            }
            if (statements.size() > 64) {
                var eldest = statements.entrySet().iterator().next();
                statements.remove(eldest.getKey());
                counts.remove(eldest.getKey());
                eldest.getValue().close();
            }
        }
        return ps;
    }

    private Connection open(Routing routing) throws SQLException {
        Properties p = new Properties();
        p.setProperty("quoting", "DOUBLE_QUOTE");
        p.setProperty("quotedCasing", "UNCHANGED");
        p.setProperty("unquotedCasing", "UNCHANGED");
        p.setProperty("caseSensitive", "true");
        p.setProperty("typeSystem", DynamoTypeSystem.class.getName() + "#INSTANCE");
        // Not through DriverManager: a shaded (relocated) Calcite must not register itself there.
        Connection c = new org.apache.calcite.jdbc.Driver().connect("jdbc:calcite:", p);
        CalciteConnection cc = c.unwrap(CalciteConnection.class);
        cc.getRootSchema().add(SCHEMA, new CatalogSchema(routing.tables().values(), new ShardItemSource(database)));
        cc.setSchema(SCHEMA);
        return c;
    }

    /** A value as the Java type Calcite expects for the parameter (LIMIT and OFFSET take integers). */
    private static Object javaValue(AttributeValue value, int sqlType) {
        if (value == null || value instanceof AttributeValue.Null) {
            return null;
        }
        if (value instanceof AttributeValue.N n) {
            try {
                return switch (sqlType) {
                    case java.sql.Types.INTEGER, java.sql.Types.SMALLINT, java.sql.Types.TINYINT ->
                            n.value().intValueExact();
                    case java.sql.Types.BIGINT -> n.value().longValueExact();
                    default -> n.value();
                };
            } catch (ArithmeticException e) {
                throw ErrorCode.VALIDATION.error("Parameter value " + n.value().toPlainString()
                        + " is not a whole number in range for " + java.sql.JDBCType.valueOf(sqlType).getName());
            }
        }
        return JavaValues.toJava(value);
    }

    private static DynamoException dynamoCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DynamoException d) {
                return d;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? e.getMessage() : t.getMessage();
    }

    @Override
    public void close() {
        try {
            closeStatements();
        } catch (SQLException e) {
            throw StorageFailure.of(e);
        }
    }

    private void closeStatements() throws SQLException {
        for (PreparedStatement ps : statements.values()) {
            ps.close();
        }
        statements.clear();
        counts.clear();
        if (calcite != null) {
            calcite.close();
            calcite = null;
        }
    }
}
