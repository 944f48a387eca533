package dev.jdbcdynamo.driver.admin;

import dev.jdbcdynamo.driver.error.DynamoErrors;
import dev.jdbcdynamo.driver.resultset.ItemResultSet;
import dev.jdbcdynamo.driver.resultset.ResultShape;
import dev.jdbcdynamo.engine.storage.DiscoveredColumns;
import dev.jdbcdynamo.engine.storage.DynamoDatabase;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ANALYZE TABLE "T"}: samples up to {@value DiscoveredColumns#SAMPLE_ITEMS} items of the
 * table and records the attributes they hold beyond the keys and declared attributes, with their
 * types; {@code getColumns} and {@code SELECT *} then show them as columns. Returns one row per
 * discovered attribute ({@code attribute}, {@code type}, {@code items}: how many sampled items
 * held it). A statement of the driver, like EXPLAIN, in both languages.
 */
public final class AnalyzeTable {
    private static final Pattern SYNTAX = Pattern.compile(
            "\\s*ANALYZE\\s+TABLE\\s+(?:\"((?:[^\"]|\"\")+)\"|([A-Za-z_][A-Za-z0-9_.\\-]*))\\s*;?\\s*",
            Pattern.CASE_INSENSITIVE);

    private final String table;

    private AnalyzeTable(String table) {
        this.table = table;
    }

    /** The statement, or null when {@code sql} is not an ANALYZE TABLE statement. */
    public static AnalyzeTable parse(String sql) {
        Matcher m = SYNTAX.matcher(sql);
        if (!m.matches()) {
            return null;
        }
        return new AnalyzeTable(m.group(1) != null ? m.group(1).replace("\"\"", "\"") : m.group(2));
    }

    String table() {
        return table;
    }

    /** Runs the statement for {@code statement} (open: its caller checks) against {@code database}. */
    public ResultSet run(Statement statement, DynamoDatabase database, int maxRows) throws SQLException {
        try {
            TableDef def = database.table(table)
                    .orElseThrow(() -> ErrorCode.TABLE_NOT_FOUND.error(table));
            List<DiscoveredColumns.Column> found = database.discoveredColumns().analyze(def);
            List<Map<String, AttributeValue>> rows = new ArrayList<>();
            for (DiscoveredColumns.Column c : found) {
                Map<String, AttributeValue> row = new LinkedHashMap<>();
                row.put("attribute", new AttributeValue.S(c.name()));
                row.put("type", new AttributeValue.S(c.type()));
                row.put("items", new AttributeValue.N(BigDecimal.valueOf(c.items())));
                rows.add(row);
            }
            ResultShape shape = new ResultShape(def.name(), List.of(
                    new ResultShape.Column("attribute", Types.VARCHAR, "STRING"),
                    new ResultShape.Column("type", Types.VARCHAR, "STRING"),
                    new ResultShape.Column("items", Types.DECIMAL, "NUMBER"),
                    new ResultShape.Column(ResultShape.ITEM_COLUMN, Types.VARCHAR, "JSON")));
            return new ItemResultSet(statement, shape, rows, maxRows);
        } catch (DynamoException e) {
            throw DynamoErrors.toSql(e);
        }
    }
}
