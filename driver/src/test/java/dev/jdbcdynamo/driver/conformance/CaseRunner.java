package dev.jdbcdynamo.driver.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jdbcdynamo.api.DynamoResultSet;
import dev.jdbcdynamo.api.DynamoSqlException;
import dev.jdbcdynamo.driver.conformance.ConformanceCase.Index;
import dev.jdbcdynamo.driver.conformance.ConformanceCase.Key;
import dev.jdbcdynamo.driver.conformance.ConformanceCase.Kind;
import dev.jdbcdynamo.driver.conformance.ConformanceCase.Step;
import dev.jdbcdynamo.driver.conformance.ConformanceCase.Table;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/** Runs one conformance case through JDBC connections from a factory and writes its answers as the README's lines. */
final class CaseRunner {
    // Not carried to the driver (JDBC has no place for it yet): a step's limit (so no "pages" are
    // produced). A step's consistentRead runs on a connection with the consistentRead property. A
    // transaction step runs as one JDBC transaction (autocommit off, the statements, commit); a
    // batch step as Statement.addBatch/executeBatch.

    /** Why a case with an empty batch or transaction step is skipped. */
    static final String NEEDS_GROUPS = "an empty transaction or batch has no JDBC form (committing nothing or "
            + "executing an empty batch succeeds in JDBC)";
    /** Why a case with parameters in a batch step is skipped. */
    static final String BATCH_PARAMETERS = "batch statements with parameters need one PreparedStatement each";
    /** The connection property that makes a failed conditional write carry the old item. */
    static final String RETURN_VALUES = "returnValuesOnConditionCheckFailure";
    /** The connection property for DynamoDB's ConsistentRead. */
    static final String CONSISTENT_READ = "consistentRead";

    private static final Pattern ORDER_BY = Pattern.compile("\\bORDER\\s+BY\\b", Pattern.CASE_INSENSITIVE);

    /** Opens connections to the database a case runs in; the properties come on top of the URL's. */
    @FunctionalInterface
    interface ConnectionFactory {
        Connection open(Properties properties) throws SQLException;
    }

    /**
     * What running a case produced.
     *
     * @param lines the canonical output lines
     * @param skipReason why the case was not run, or null
     * @param setupError the driver's error while creating tables or loading items, or null
     */
    record Output(List<String> lines, String skipReason, String setupError) {
    }

    private final ConnectionFactory connections;
    private final Map<String, String> created;

    /** A runner that drops and re-creates every table of a case. */
    CaseRunner(ConnectionFactory connections) {
        this(connections, new HashMap<>());
    }

    /**
     * A runner for a database whose tables earlier runs created, by name with their CREATE TABLE
     * text (kept up to date here): a table created with the same text is emptied instead of
     * dropped and re-created, which is many times cheaper (each DDL rebuilds the routing).
     */
    CaseRunner(ConnectionFactory connections, Map<String, String> created) {
        this.connections = connections;
        this.created = created;
    }

    /** Why the case cannot run yet (see {@link #NEEDS_GROUPS}), or null. */
    static String skipReason(ConformanceCase c) {
        boolean empty = c.steps().stream().anyMatch(s -> (s.kind() == Kind.BATCH || s.kind() == Kind.TRANSACTION)
                && s.statements().isEmpty());
        if (empty) {
            return NEEDS_GROUPS;
        }
        boolean batchParameters = c.steps().stream().anyMatch(s -> s.kind() == Kind.BATCH
                && s.statements().stream().anyMatch(t -> !t.parameters().isEmpty()));
        return batchParameters ? BATCH_PARAMETERS : null;
    }

    /** Sets up the case's tables and items, runs its steps and dumps; fails only when no connection opens. */
    Output run(ConformanceCase c) throws SQLException {
        String skip = skipReason(c);
        if (skip != null) {
            return new Output(List.of(), skip, null);
        }
        List<String> lines = new ArrayList<>();
        Connection allOld = null;
        Connection consistent = null;
        try (Connection main = connections.open(new Properties())) {
            String setupError = setUp(main, c);
            if (setupError != null) {
                return new Output(lines, null, setupError);
            }
            for (int i = 0; i < c.steps().size(); i++) {
                Step step = c.steps().get(i);
                if (step.kind() == Kind.DUMP) {
                    lines.add(CanonicalJson.write(dump(main, step.dumpTable())));
                    continue;
                }
                Connection connection = main;
                boolean allOldAsked = "ALL_OLD".equalsIgnoreCase(step.returnValuesOnConditionCheckFailure())
                        || (step.statements() != null && step.statements().stream()
                                .anyMatch(t -> "ALL_OLD".equalsIgnoreCase(t.returnValuesOnConditionCheckFailure())));
                if (allOldAsked) {
                    if (allOld == null) {
                        Properties p = new Properties();
                        p.setProperty(RETURN_VALUES, "ALL_OLD");
                        allOld = connections.open(p);
                    }
                    connection = allOld;
                } else if (step.consistentRead()) {
                    if (consistent == null) {
                        Properties p = new Properties();
                        p.setProperty(CONSISTENT_READ, "true");
                        consistent = connections.open(p);
                    }
                    connection = consistent;
                }
                ObjectNode line = step.kind() == Kind.TRANSACTION ? transaction(connection, step, i + 1)
                        : step.kind() == Kind.BATCH ? batch(connection, step, i + 1)
                        : statement(connection, step, i + 1);
                lines.add(CanonicalJson.write(line));
            }
            for (String table : c.dump()) {
                lines.add(CanonicalJson.write(dump(main, table)));
            }
        } finally {
            if (allOld != null) {
                allOld.close();
            }
            if (consistent != null) {
                consistent.close();
            }
        }
        return new Output(lines, null, null);
    }

    /** Creates the case's tables (dropping any left over) and loads its items; the driver's error, or null. */
    private String setUp(Connection connection, ConformanceCase c) {
        String sql = null;
        try (Statement s = connection.createStatement()) {
            for (Table table : c.tables()) {
                String create = createTable(table);
                if (create.equals(created.get(table.name())) && emptied(connection, table)) {
                    continue;
                }
                created.remove(table.name());
                sql = "DROP TABLE IF EXISTS " + identifier(table.name());
                s.execute(sql);
                sql = create;
                s.execute(sql);
                created.put(table.name(), create);
            }
        } catch (SQLException | RuntimeException e) {
            return "set-up statement failed: " + sql + " -> " + describe(e);
        }
        List<String> defined = c.tables().stream().map(Table::name).toList();
        for (String table : c.items().keySet()) {
            if (!defined.contains(table)) {
                return "items for table " + table + ", which the case does not define";
            }
        }
        for (String table : c.plainItems().keySet()) {
            if (!defined.contains(table)) {
                return "plain items for table " + table + ", which the case does not define";
            }
        }
        for (Table table : c.tables()) {
            List<Map<String, AttributeValue>> all = new ArrayList<>(c.items().getOrDefault(table.name(), List.of()));
            all.addAll(c.plainItems().getOrDefault(table.name(), List.of()));
            for (Map<String, AttributeValue> item : all) {
                sql = insert(table.name(), item);
                try (PreparedStatement ps = connection.prepareStatement(sql)) {
                    int i = 1;
                    for (AttributeValue value : item.values()) {
                        ps.setObject(i++, value);
                    }
                    ps.execute();
                } catch (SQLException | RuntimeException e) {
                    return "loading item " + DynamoJson.writeItem(item) + " with " + sql + " failed -> " + describe(e);
                }
            }
        }
        return null;
    }

    /** Deletes every item of a table by its key; true when a scan then finds none (else the table is re-created). */
    private static boolean emptied(Connection connection, Table table) {
        String where = identifier(table.hash().name()) + " = ?"
                + (table.range() == null ? "" : " AND " + identifier(table.range().name()) + " = ?");
        try (Statement s = connection.createStatement();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + identifier(table.name()) + " WHERE " + where)) {
            try (ResultSet rs = s.executeQuery("SELECT * FROM " + identifier(table.name()))) {
                DynamoResultSet items = rs.unwrap(DynamoResultSet.class);
                while (rs.next()) {
                    Map<String, AttributeValue> item = DynamoJson.readItem(items.itemJson());
                    delete.setObject(1, item.get(table.hash().name()));
                    if (table.range() != null) {
                        delete.setObject(2, item.get(table.range().name()));
                    }
                    delete.execute();
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT * FROM " + identifier(table.name()))) {
                return !rs.next();
            }
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** The driver's DDL for a table of the case, its index keys declared with their types. */
    static String createTable(Table table) {
        Map<String, String> declared = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        parts.add(identifier(table.hash().name()) + " " + table.hash().type() + " PARTITION KEY");
        declared.put(table.hash().name(), table.hash().type());
        if (table.range() != null) {
            parts.add(identifier(table.range().name()) + " " + table.range().type() + " SORT KEY");
            declared.put(table.range().name(), table.range().type());
        }
        List<Index> indexes = new ArrayList<>(table.localIndexes());
        indexes.addAll(table.globalIndexes());
        for (Index index : indexes) {
            for (Key key : new Key[] {index.hash(), index.range()}) {
                if (key != null && !declared.containsKey(key.name())) {
                    parts.add(identifier(key.name()) + " " + key.type());
                    declared.put(key.name(), key.type());
                }
            }
        }
        for (Index index : table.localIndexes()) {
            parts.add("LOCAL INDEX " + identifier(index.name()) + " (" + identifier(index.range().name()) + ")"
                    + projection(index));
        }
        for (Index index : table.globalIndexes()) {
            String keys = identifier(index.hash().name())
                    + (index.range() == null ? "" : ", " + identifier(index.range().name()));
            parts.add("GLOBAL INDEX " + identifier(index.name()) + " (" + keys + ")" + projection(index));
        }
        return "CREATE TABLE " + identifier(table.name()) + " (" + String.join(", ", parts) + ")";
    }

    private static String projection(Index index) {
        if (index.projection().equals("INCLUDE")) {
            List<String> names = index.include().stream().map(CaseRunner::identifier).toList();
            return " PROJECTION INCLUDE (" + String.join(", ", names) + ")";
        }
        return " PROJECTION " + index.projection();
    }

    /** {@code INSERT INTO "T" VALUE {'a': ?, 'b': ?}}, one parameter per top-level attribute. */
    static String insert(String table, Map<String, AttributeValue> item) {
        List<String> members = new ArrayList<>();
        for (String name : item.keySet()) {
            members.add(literal(name) + ": ?");
        }
        return "INSERT INTO " + identifier(table) + " VALUE {" + String.join(", ", members) + "}";
    }

    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static ObjectNode statement(Connection connection, Step step, int number) {
        List<AttributeValue> parameters = new ArrayList<>();
        for (JsonNode parameter : step.parameters()) {
            try {
                parameters.add(DynamoJson.valueFromJson(parameter));
            } catch (DynamoException e) {
                // DynamoDB rejects a malformed parameter before running anything, as ValidationException.
                return CanonicalJson.errorLine(e.code().errorName(), e.getMessage(), null, number);
            }
        }
        try (PreparedStatement ps = connection.prepareStatement(step.statement())) {
            for (int i = 0; i < parameters.size(); i++) {
                ps.setObject(i + 1, parameters.get(i));
            }
            ArrayNode items = CanonicalJson.array();
            if (ps.execute()) {
                try (ResultSet rs = ps.getResultSet()) {
                    items = items(rs);
                }
            }
            String order = step.order() != null ? step.order()
                    : ORDER_BY.matcher(step.statement()).find() ? "engine" : "sorted";
            if (order.equals("sorted")) {
                items = sorted(items);
            }
            ObjectNode line = CanonicalJson.object();
            line.set("items", items);
            line.put("order", order);
            line.put("step", number);
            return line;
        } catch (SQLException e) {
            if (e instanceof DynamoSqlException d) {
                JsonNode old = d.oldItemJson() == null ? null : CanonicalJson.outputItem(CanonicalJson.parse(d.oldItemJson()));
                return CanonicalJson.errorLine(d.errorName(), e.getMessage(), old, number);
            }
            return CanonicalJson.errorLine("SQLException[" + e.getSQLState() + "]", String.valueOf(e.getMessage()), null, number);
        } catch (RuntimeException e) {
            return CanonicalJson.errorLine("Unexpected " + e.getClass().getName(), String.valueOf(e.getMessage()), null, number);
        }
    }

    /** A transaction step: autocommit off, each statement, commit; read results become its responses. */
    private static ObjectNode transaction(Connection connection, Step step, int number) {
        ArrayNode responses = CanonicalJson.array();
        try {
            connection.setAutoCommit(false);
            try {
                for (Step t : step.statements()) {
                    try (PreparedStatement ps = connection.prepareStatement(t.statement())) {
                        int i = 1;
                        for (JsonNode parameter : t.parameters()) {
                            ps.setObject(i++, DynamoJson.valueFromJson(parameter));
                        }
                        if (ps.execute()) {
                            try (ResultSet rs = ps.getResultSet()) {
                                ArrayNode items = items(rs);
                                ObjectNode response = CanonicalJson.object();
                                if (!items.isEmpty()) {
                                    response.set("item", items.get(0));
                                }
                                responses.add(response);
                            }
                        }
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            return failure(e, number);
        } catch (DynamoException e) {
            return CanonicalJson.errorLine(e.code().errorName(), e.getMessage(), null, number);
        } catch (RuntimeException e) {
            return CanonicalJson.errorLine("Unexpected " + e.getClass().getName(), String.valueOf(e.getMessage()), null, number);
        }
        ObjectNode line = CanonicalJson.object();
        line.set("responses", responses);
        line.put("step", number);
        return line;
    }

    /** A batch step through Statement.addBatch/executeBatch; each statement's answer from DynamoBatch. */
    private static ObjectNode batch(Connection connection, Step step, int number) {
        try (Statement s = connection.createStatement()) {
            for (Step t : step.statements()) {
                s.addBatch(t.statement());
            }
            try {
                s.executeBatch();
            } catch (java.sql.BatchUpdateException e) {
                // Some statements failed; every statement's answer is in the results.
            }
            ArrayNode out = CanonicalJson.array();
            for (dev.jdbcdynamo.api.BatchResult r : s.unwrap(dev.jdbcdynamo.api.DynamoBatch.class).batchResults()) {
                ObjectNode response = CanonicalJson.object();
                if (!r.succeeded()) {
                    response.put("error", r.errorCode());
                    response.put("message", r.message() == null ? "" : r.message());
                }
                if (r.itemJson() != null) {
                    response.set("item", CanonicalJson.outputItem(CanonicalJson.parse(r.itemJson())));
                }
                out.add(response);
            }
            ObjectNode line = CanonicalJson.object();
            line.set("batch", out);
            line.put("step", number);
            return line;
        } catch (SQLException e) {
            return failure(e, number);
        }
    }

    /** A failed call: DynamoDB's error name, the old item, and a transaction's cancellation reasons. */
    private static ObjectNode failure(SQLException e, int number) {
        if (!(e instanceof DynamoSqlException d)) {
            return CanonicalJson.errorLine("SQLException[" + e.getSQLState() + "]", String.valueOf(e.getMessage()), null, number);
        }
        JsonNode old = d.oldItemJson() == null ? null : CanonicalJson.outputItem(CanonicalJson.parse(d.oldItemJson()));
        ObjectNode line = CanonicalJson.errorLine(d.errorName(), e.getMessage(), old, number);
        if (!d.cancellationReasons().isEmpty()) {
            ArrayNode reasons = CanonicalJson.array();
            for (dev.jdbcdynamo.api.CancellationReason r : d.cancellationReasons()) {
                ObjectNode reason = CanonicalJson.object();
                reason.put("code", r.code());
                if (r.message() != null) {
                    reason.put("message", r.message());
                }
                if (r.itemJson() != null) {
                    reason.set("item", CanonicalJson.outputItem(CanonicalJson.parse(r.itemJson())));
                }
                reasons.add(reason);
            }
            line.set("reasons", reasons);
        }
        return line;
    }

    private static ArrayNode items(ResultSet rs) throws SQLException {
        DynamoResultSet items = rs.unwrap(DynamoResultSet.class);
        ArrayNode out = CanonicalJson.array();
        while (rs.next()) {
            out.add(CanonicalJson.outputItem(CanonicalJson.parse(items.itemJson())));
        }
        return out;
    }

    private static ArrayNode sorted(ArrayNode items) {
        List<JsonNode> list = new ArrayList<>();
        items.forEach(list::add);
        list.sort(Comparator.comparing(CanonicalJson::write, CanonicalJson::compareCodePoints));
        return CanonicalJson.array().addAll(list);
    }

    /** {@code {"dump":"T","items":[...]}}: the table read whole, items sorted by canonical text. */
    private static ObjectNode dump(Connection connection, String table) {
        ObjectNode line = CanonicalJson.object();
        line.put("dump", table);
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + identifier(table))) {
            line.set("items", sorted(items(rs)));
        } catch (SQLException | RuntimeException e) {
            line.put("error", describe(e));
        }
        return line;
    }

    /** An exception as one line: DynamoDB's error name when the driver gives one, and the message. */
    static String describe(Throwable e) {
        if (e instanceof DynamoSqlException d) {
            return d.errorName() + ": " + e.getMessage();
        }
        return e.getClass().getName() + ": " + e.getMessage();
    }
}
