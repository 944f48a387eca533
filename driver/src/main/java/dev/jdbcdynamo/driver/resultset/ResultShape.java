package dev.jdbcdynamo.driver.resultset;

import dev.jdbcdynamo.engine.storage.DiscoveredColumns;
import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.ast.Statement;
import dev.jdbcdynamo.planner.catalog.KeyAttribute;
import dev.jdbcdynamo.planner.catalog.KeyType;
import dev.jdbcdynamo.planner.eval.Projector;
import dev.jdbcdynamo.planner.plan.Plan;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of a result: for {@code SELECT *} the key attributes, then declared attributes, then
 * the other attributes of the items in order of appearance; for a projection, its paths. The last
 * column, {@value #ITEM_COLUMN}, always holds the whole item as DynamoDB JSON, so nothing of an
 * item is ever lost.
 */
public record ResultShape(String tableName, List<Column> columns, boolean itemColumn) {
    public static final String ITEM_COLUMN = "item_json";

    /** A column: its label (an attribute name or a DynamoDB path) and its JDBC type. */
    public record Column(String name, int sqlType, String typeName) implements AbstractResultSetMetaData.ColumnType {
    }

    public ResultShape {
        columns = List.copyOf(columns);
    }

    public ResultShape(String tableName, List<Column> columns) {
        this(tableName, columns, true);
    }

    /** The columns of a SQL extension's result, as Calcite typed them; no item column. */
    static ResultShape of(Plan.SqlQuery query) {
        List<Column> out = new ArrayList<>();
        for (Plan.SqlColumn c : query.columns()) {
            out.add(new Column(c.label(), c.sqlType(), c.typeName()));
        }
        return new ResultShape("", out, false);
    }

    static ResultShape of(Plan plan, List<Map<String, AttributeValue>> items) {
        return of(plan, items, null);
    }

    /**
     * The shape of a result; for {@code SELECT *} the attributes that {@code ANALYZE TABLE} found
     * ({@code discovered}, may be null) come after the declared ones, so that the columns stay the
     * same from one result to the next.
     */
    public static ResultShape of(Plan plan, List<Map<String, AttributeValue>> items, DiscoveredColumns discovered) {
        if (plan instanceof Plan.SqlQuery query) {
            return of(query);
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        String table = "";
        if (plan instanceof Plan.Select select) {
            table = select.table().name();
            if (select.isStar()) {
                for (KeyAttribute a : select.table().typedAttributes()) {
                    columns.put(a.name(), typed(a.name(), a.type()));
                }
                if (discovered != null) {
                    for (DiscoveredColumns.Column d : discovered.of(select.table())) {
                        columns.putIfAbsent(d.name(), ofType(d.name(), d.type()));
                    }
                }
            } else {
                for (Statement.SelectItem item : select.items()) {
                    if (item.expr() instanceof Expr.PathRef ref) {
                        String name = item.alias() != null ? item.alias() : Projector.nameOf(ref.path());
                        columns.putIfAbsent(name, null);
                    }
                }
            }
        }
        for (Map<String, AttributeValue> item : items) {
            for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
                Column known = columns.get(e.getKey());
                if (known == null) {
                    columns.put(e.getKey(), fromValue(e.getKey(), e.getValue()));
                }
            }
        }
        List<Column> out = new ArrayList<>();
        columns.forEach((name, column) -> out.add(column != null ? column : new Column(name, Types.OTHER, "ANY")));
        out.add(new Column(ITEM_COLUMN, Types.VARCHAR, "JSON"));
        return new ResultShape(table, out);
    }

    private static Column typed(String name, KeyType type) {
        return switch (type) {
            case S -> new Column(name, Types.VARCHAR, "STRING");
            case N -> new Column(name, Types.DECIMAL, "NUMBER");
            case B -> new Column(name, Types.VARBINARY, "BINARY");
        };
    }

    private static Column fromValue(String name, AttributeValue value) {
        return ofType(name, value.type());
    }

    /** The column of an attribute of one DynamoDB type (S, N, B, BOOL, M, L, SS, NS, BS); ANY for others. */
    public static Column ofType(String name, String dynamoType) {
        return switch (dynamoType) {
            case "S" -> new Column(name, Types.VARCHAR, "STRING");
            case "N" -> new Column(name, Types.DECIMAL, "NUMBER");
            case "B" -> new Column(name, Types.VARBINARY, "BINARY");
            case "BOOL" -> new Column(name, Types.BOOLEAN, "BOOLEAN");
            case "M" -> new Column(name, Types.VARCHAR, "JSON");
            case "L", "SS", "NS", "BS" -> new Column(name, Types.ARRAY, DynamoArray.typeName(dynamoType));
            default -> new Column(name, Types.OTHER, "ANY");
        };
    }

    int findColumn(String label) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(label)) {
                return i + 1;
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(label)) {
                return i + 1;
            }
        }
        return -1;
    }
}
